import { buildConvoAIToken } from '../api/agents.js';
import { agentCommand } from './agent.js';
import type { Command } from './command.js';

/** `agora-tokens convoai`: {@link buildConvoAIToken} from flags. */
export const convoaiCommand: Command = agentCommand('convoai', 'Conversational AI', buildConvoAIToken);
