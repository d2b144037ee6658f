// Shell completion: each shell's script asks `vps __complete -- WORDS…` for the candidates of
// the last word, so bash, zsh and fish share one answer that follows the generated commands.

/** @typedef {import('commander').Command} Command */
/** @typedef {import('commander').Option} Option */

export const SHELLS = ['bash', 'zsh', 'fish'];

export const SCRIPTS = {
  bash: `# vps completion for bash: add to ~/.bashrc:  source <(vps completion bash)
_vps_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(compgen -W "$(vps __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)" -- "\${COMP_WORDS[COMP_CWORD]}"))
}
complete -o default -F _vps_complete vps
`,
  zsh: `#compdef vps
# vps completion for zsh: add to ~/.zshrc:  source <(vps completion zsh)
_vps() {
  local -a candidates
  candidates=("\${(@f)$(vps __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -a candidates
}
compdef _vps vps
`,
  fish: `# vps completion for fish: vps completion fish > ~/.config/fish/completions/vps.fish
complete -c vps -f -a '(vps __complete -- (commandline -opc)[2..-1] (commandline -ct))'
`,
};

/** The values an option takes, when they are a known list. @param {Option} option */
const choicesOf = (option) => /** @type {string[] | undefined} */ (option.argChoices);

/**
 * Candidates for the last of `words` (the words after `vps`, the last one being typed).
 * @param {Command} program @param {string[]} words @returns {string[]}
 */
export function complete(program, words) {
  const current = words.at(-1) ?? '';
  let command = program;
  const options = () => [...command.options, ...(command === program ? [] : program.options)].filter((o) => !o.hidden);
  for (let i = 0; i < words.length - 1; i++) {
    const word = /** @type {string} */ (words[i]);
    if (word.startsWith('-')) {
      const option = options().find((o) => o.long === word.split('=')[0] || o.short === word);
      if (option && (option.required || option.optional) && !word.includes('=')) i++; // skip its value
      continue;
    }
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (sub) command = sub;
  }
  const previous = words.at(-2);
  const valueOf = previous?.startsWith('-') ? options().find((o) => o.long === previous || o.short === previous) : undefined;
  let candidates;
  if (valueOf && (valueOf.required || valueOf.optional)) candidates = choicesOf(valueOf) ?? [];
  else if (current.startsWith('-')) candidates = options().flatMap((o) => (o.long ? [o.long] : []));
  else {
    candidates = command.commands.filter((c) => !(/** @type {any} */ (c)._hidden)).map((c) => c.name());
    const argument = command.registeredArguments[0];
    if (candidates.length === 0 && argument?.argChoices) candidates = argument.argChoices;
  }
  return candidates.filter((c) => c.startsWith(current));
}
