import { buildConvoAIToken } from '../api/agents.js';
import { agentCommand } from './agent.js';
import type { Command } from './command.js';

/** `agora-token convoai`: {@link buildConvoAIToken} from flags. */
export const convoaiCommand: Command = agentCommand('convoai', 'Conversational AI', buildConvoAIToken);
