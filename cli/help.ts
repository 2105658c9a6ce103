/** What `--help` prints for each command. Kept beside the option tables in main.ts. */

export const MAIN_HELP = `Usage: ballast <command> [options]

Finds security problems in Dockerfiles, Kubernetes manifests and Helm values, and fixes them.

Commands:
  scan [paths...]   Lint files and directories (default: the current directory)
  fix [paths...]    Apply every safe fix to the files, in place (or show them with --dry-run)
  rules             List every rule with its severity, fix and equivalent checks
  help [command]    Show help for a command

Options:
  -h, --help        Show this help
  -v, --version     Print Ballast's version

Run 'ballast <command> --help' for a command's options.
`;

/** What scan and fix find, and the options both take, so the two helps cannot drift apart. */
const FILES_SECTION = `Ballast looks at every Dockerfile (Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile,
*.dockerfile) and YAML file (*.yaml, *.yml: their Kubernetes objects) under the given files and
directories, the current directory when none is given. In a Helm chart (a folder with
Chart.yaml), values files (values.yaml, values-*.yaml, values.*.yaml) get the Helm values rules
and templates (templates/, *.tpl) are passed by. Directories named node_modules or .git, and
what .gitignore files ignore, are skipped while walking; symbolic links inside a directory are
not followed. A file named on the command line must be one of those kinds, and is linted even if
.gitignore ignores it.`;

const SETTINGS_OPTIONS = `      --config <file>                   Use this configuration file for every file instead of
                                        the nearest .ballast.yaml
      --exclude <glob>                  Leave alone the files and directories the glob matches,
                                        relative to the current directory (vendor/**,
                                        **/testdata/**); repeatable
      --no-gitignore                    Walk what .gitignore files ignore as well
      --profile <recommended|pss-baseline|pss-restricted>
                                        Which rules run: every rule at its default
                                        (recommended, the default), or only those of the
                                        Pod Security Standards baseline level, or of the
                                        baseline and restricted levels. --rule applies on top
      --rule <id>=<off|info|warning|error>
                                        Change a rule's severity, or turn it on or off;
                                        repeatable. 'ballast rules' lists the ids
      --trusted-registry <registry>     A registry base images may come from (docker.io,
                                        ghcr.io/my-org, ...); repeatable. Turns on
                                        dockerfile/untrusted-registry`;

const CONFIGURATION_SECTION = `Configuration:
  The nearest .ballast.yaml (or .ballast.yml) in a file's folder or a folder above applies to
  it, as in the editor: profile, rules, trustedRegistries, exclude, honorOtherToolIgnores and
  helm.valuesFiles. Its exclude and helm.valuesFiles globs are relative to its own folder.
  Each setting comes from, first to last:
    1. the command line (--profile, --rule, --trusted-registry)
    2. the configuration file (or --config)
    3. Ballast's defaults
  --rule entries are added to the file's rules; --trusted-registry replaces its list.
  What --exclude or a configuration file's exclude matches is left alone even when named on the
  command line. A configuration file's own mistakes are reported as its problems (rule id
  ballast/config) and its valid settings still apply; a --config file that is missing or not
  YAML is a usage error.`;

export const SCAN_HELP = `Usage: ballast scan [paths...] [options]

${FILES_SECTION}

Options:
  -f, --format <text|compact|json|sarif>
                                        Output format (default: text)
      --fail-on <error|warning|info|never>
                                        Exit 1 when a problem at or above this severity is
                                        found (default: error)
${SETTINGS_OPTIONS}
      --color, --no-color               Colour the text output or not (default: colour when
                                        stdout is a terminal and NO_COLOR is not set)
  -h, --help                            Show this help

Output:
  text     For people: problems grouped by file, '  line:col  severity  message  rule-id',
           the files that could not be analysed with the reason, and a summary line
  compact  path:line:col severity rule-id message, one line per problem (1-based), and the
           summary on stderr
  json     {"version":1,"files":[{"path","kind","findings":[...],"error"?}]}, 0-based positions
  sarif    SARIF 2.1.0, for GitHub code scanning and other SARIF viewers

A file that cannot be analysed (unreadable, binary, or above 5 MB) is reported as an error of
the file, under the id ballast/file-error, and the scan goes on. Files come in the order of the
paths given, each directory's entries in name order: the same from run to run, whatever the
number of threads.

${CONFIGURATION_SECTION}

Environment:
  NO_COLOR          When set, no colour unless --color
  BALLAST_WORKERS   Worker threads to lint on (0: the main thread). By default, trees of 50
                    files or more are linted on one thread per processor but one, when
                    there are more than two processors

Exit status:
  0  nothing at or above --fail-on was found
  1  something was
  2  usage error (unknown option, bad value, missing path or --config file), or the scan could
     not run
`;

export const FIX_HELP = `Usage: ballast fix [paths...] [options]

Applies every safe fix, the fixes that keep what the file means (as "Fix all auto-fixable
problems" does in the editor), to each file, and writes the files in place. Suggestions, fixes
that change behaviour, are never applied: 'ballast scan' lists them. A file keeps its line
endings (CRLF stays CRLF) and byte-order mark; one that is not UTF-8 is left alone.

${FILES_SECTION}

Options:
      --dry-run                         Write nothing: print the changes as a unified diff
                                        (--- a/path, +++ b/path, 3 lines of context), which
                                        'git apply' or 'patch -p1' can apply
${SETTINGS_OPTIONS}
      --color, --no-color               Colour the diff or not (default: colour when stdout is
                                        a terminal and NO_COLOR is not set)
  -h, --help                            Show this help

What was fixed (files changed, fixes applied) is summed up on stderr, after the files that
could not be fixed, each with the reason.

${CONFIGURATION_SECTION}

Exit status:
  0  the fixes were applied (or shown), or there were none
  1  a file could not be read or written
  2  usage error (unknown option, bad value, missing path or --config file)
`;

export const RULES_HELP = `Usage: ballast rules [options]

Lists every rule: id, default severity, fix kind and title; with --format json also its
target and the ids of the same check in hadolint, Trivy, Checkov, kube-linter, kube-score,
Polaris and the Pod Security Standards.

Options:
  -f, --format <text|json>   Output format (default: text)
  -h, --help                 Show this help
`;
