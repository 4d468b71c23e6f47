// What fills the screen (or its bottom line) and so who has the keyboard: the run screen
// (`main`, the command table) or one of the screens and prompts that take it over.
export type Mode = 'main' | 'form' | 'help' | 'messages' | 'history' | 'diff' | 'problems' | 'feedback' | 'api-key' | 'quit' | 'editing' | 'tool-reject';
