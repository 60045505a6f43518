import { buildSttToken } from '../api/agents.js';
import { agentCommand } from './agent.js';
import type { Command } from './command.js';

/** `agora-tokens stt`: {@link buildSttToken} from flags. */
export const sttCommand: Command = agentCommand('stt', 'speech-to-text', buildSttToken);
