/** What `--help` prints for each command. Kept beside the option tables in main.ts. */

export const MAIN_HELP = `Usage: ballast <command> [options]

Finds security problems in Dockerfiles and Kubernetes manifests.

Commands:
  scan [paths...]   Lint files and directories (default: the current directory)
  rules             List every rule with its severity, fix and equivalent checks
  help [command]    Show help for a command

Options:
  -h, --help        Show this help
  -v, --version     Print Ballast's version

Run 'ballast <command> --help' for a command's options.
`;

export const SCAN_HELP = `Usage: ballast scan [paths...] [options]

Lints every Dockerfile (Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile, *.dockerfile)
and YAML file (*.yaml, *.yml: their Kubernetes objects) under the given files and
directories, the current directory when none is given. In a Helm chart (a folder with
Chart.yaml), values files (values.yaml, values-*.yaml, values.*.yaml) get the Helm values
rules and templates (templates/, *.tpl) are passed by. Directories named node_modules or .git
are skipped, and symbolic links inside a directory are not followed. A file named on the
command line must be one of those kinds.

Options:
  -f, --format <text|json|sarif>        Output format (default: text)
      --fail-on <error|warning|info|never>
                                        Exit 1 when a problem at or above this severity is
                                        found (default: error)
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
                                        dockerfile/untrusted-registry
  -h, --help                            Show this help

Output:
  text    path:line:col severity rule-id message, one line per problem (1-based), and a
          summary on stderr
  json    {"version":1,"files":[{"path","kind","findings":[...],"error"?}]}, 0-based positions
  sarif   SARIF 2.1.0, for GitHub code scanning and other SARIF viewers

A file that cannot be analysed (unreadable, binary, or above 5 MB) is reported as an error of
the file, under the id ballast/file-error, and the scan goes on.

Exit status:
  0  nothing at or above --fail-on was found
  1  something was
  2  usage error (unknown option, bad value, missing path), or the scan could not run
`;

export const RULES_HELP = `Usage: ballast rules [options]

Lists every rule: id, default severity, fix kind and title; with --format json also its
target and the ids of the same check in hadolint, Trivy, Checkov, kube-linter, kube-score,
Polaris and the Pod Security Standards.

Options:
  -f, --format <text|json>   Output format (default: text)
  -h, --help                 Show this help
`;
