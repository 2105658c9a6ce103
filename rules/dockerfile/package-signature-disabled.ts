import { packageManagerCommand, type PackageManager, type PackageManagerCommand, type PackageManagerOption } from '../../engine/dockerfile/packageManagers';
import { runScript } from '../../engine/dockerfile/shell';
import { deleteShellWordsEdit } from '../../engine/dockerfile/removal';
import type { DockerfileRuleContext } from '../../engine/rule';
import type { RuleMeta } from '../../engine/types';

export const meta: RuleMeta = {
  id: 'dockerfile/package-signature-disabled',
  target: 'dockerfile',
  title: 'Package signature checks disabled',
  defaultSeverity: 'error',
  description: `Package managers check that every package is signed by a key the image trusts. Options such as
\`apt-get --allow-unauthenticated\`, \`--force-yes\`, \`apk --allow-untrusted\`, \`dnf --nogpgcheck\`,
\`rpm --nosignature\` or \`zypper --no-gpg-checks\` turn that check off, so a compromised mirror, a
proxy or anyone on the network path can hand the build a tampered package and it installs
silently, as root. The usual cause is a third-party repository whose key was never imported:
import the key instead (\`signed-by=\` for apt, \`/etc/apk/keys\` for apk, \`rpm --import\` for the
RPM family).

Ballast looks for these options wherever the package manager is called in \`RUN\` (also behind
\`sudo\`, in \`sh -c\`, exec form and heredocs), including apt's \`-o APT::Get::AllowUnauthenticated=true\`
and dnf's \`--setopt=gpgcheck=0\`. rpm's options are not reported in query (\`-q\`) or verify (\`-V\`)
mode, which install nothing. The fix removes the option; it is a suggestion because the build fails
until the repository's key is trusted.

Bad:
\`\`\`dockerfile
FROM debian:12-slim
RUN apt-get update && apt-get install -y --allow-unauthenticated curl
\`\`\`

Good:
\`\`\`dockerfile
FROM debian:12-slim
RUN apt-get update && apt-get install -y curl
\`\`\``,
  references: [
    { title: 'CIS Docker Benchmark 4.11: Ensure only verified packages are installed', url: 'https://www.cisecurity.org/benchmark/docker' },
    { title: 'NIST SP 800-190, 4.1.3: Embedded malware', url: 'https://csrc.nist.gov/publications/detail/sp/800-190/final' },
    { title: 'OWASP Docker Security Cheat Sheet, rule 13: Enhance supply chain security', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html' },
    { title: 'Debian wiki: SecureApt', url: 'https://wiki.debian.org/SecureApt' },
  ],
  fix: 'suggestion',
  equivalents: { checkov: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'] },
};

const TRUE_VALUE = /^(1|true|yes|on|with|enable)$/i;
const FALSE_VALUE = /^(0|false|no|off)$/i;
/** apt configuration options that accept unsigned packages or repositories when set to true. */
const APT_INSECURE_OPTIONS = /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)=(.*)$/i;
/** dnf/yum `--setopt` keys that turn signature checks off when set to false (also per repo: `epel.gpgcheck`). */
const DNF_GPGCHECK_OPTION = /^(?:[^=]+\.)?(gpgcheck|repo_gpgcheck|localpkg_gpgcheck|pkg_gpgcheck)=(.*)$/;

const EFFECTS: Record<PackageManager, Record<string, string>> = {
  apt: {
    '--allow-unauthenticated': 'lets {program} install packages whose signatures it cannot verify',
    '--force-yes': 'lets {program} install unauthenticated packages without asking',
    '--allow-insecure-repositories': 'lets {program} use repositories that are not signed',
  },
  apk: { '--allow-untrusted': 'lets apk install packages that no trusted key signed' },
  dnf: {
    '--nogpgcheck': 'makes {program} skip GPG signature checks',
    '--no-gpgchecks': 'makes {program} skip GPG signature checks',
  },
  zypper: {
    '--no-gpg-checks': 'makes zypper ignore failed GPG checks',
    '--no-gpg-check': 'makes zypper ignore failed GPG checks',
    '--allow-unsigned-rpm': 'lets zypper install unsigned RPM files',
  },
  rpm: {
    '--nosignature': 'makes rpm skip signature checks',
    '--nodigest': 'makes rpm skip digest checks',
    '--noverify': 'makes rpm skip digest and signature checks',
    '--nofiledigest': 'makes rpm skip file digest checks',
  },
};

const REMEDIES: Record<PackageManager, string> = {
  apt: "Remove it and trust the repository's signing key (signed-by) instead.",
  apk: 'Remove it and add the signing key to /etc/apk/keys instead.',
  dnf: "Remove it and import the repository's key with rpm --import instead.",
  zypper: "Remove it and import the repository's key with rpm --import instead.",
  rpm: "Remove it and import the package's key with rpm --import instead.",
};

export function check(context: DockerfileRuleContext): void {
  const { model, report } = context;
  for (const run of model.instructions) {
    if (run.getKeyword() !== 'RUN') continue;
    const script = runScript(model, run);
    for (const command of script.commands) {
      const invocation = packageManagerCommand(command);
      if (!invocation || isRpmQueryOrVerify(invocation)) continue;
      for (const option of invocation.options) {
        const effect = signatureEffect(invocation, option);
        if (!effect) continue;
        const last = option.valueWord ?? option.word;
        const first = command.words.indexOf(option.word);
        const written = option.valueWord ? `${option.word.value} ${option.valueWord.value}` : option.word.value!;
        report({
          message: `${written} ${effect.replace('{program}', invocation.program)}. ${REMEDIES[invocation.manager]}`,
          range: { start: option.word.range.start, end: last.range.end },
          fixes: [{ title: `Remove ${written}`, kind: 'suggestion', edits: [deleteShellWordsEdit(model, script, command.words, first, command.words.indexOf(last))] }],
        });
      }
    }
  }
}

function signatureEffect(invocation: PackageManagerCommand, option: PackageManagerOption): string | undefined {
  const { manager } = invocation;
  const direct = EFFECTS[manager][option.name];
  if (direct && option.value === undefined) return direct;
  if (option.value === undefined) return undefined;
  if (manager === 'apt' && (option.name === '-o' || option.name === '--option')) {
    const setting = APT_INSECURE_OPTIONS.exec(option.value);
    if (setting && TRUE_VALUE.test(setting[2]!.replace(/^"|"$/g, ''))) return "turns off {program}'s signature checks";
  }
  if (manager === 'dnf' && option.name === '--setopt') {
    const setting = DNF_GPGCHECK_OPTION.exec(option.value);
    if (setting && FALSE_VALUE.test(setting[2]!)) return 'makes {program} skip GPG signature checks';
  }
  return undefined;
}

/** rpm -q and rpm -V install nothing; their --nodigest/--nosignature only shape the report. */
function isRpmQueryOrVerify(invocation: PackageManagerCommand): boolean {
  if (invocation.manager !== 'rpm') return false;
  return invocation.options.some((o) => o.name === '--query' || o.name === '--verify' || /^-[a-zA-Z]*[qV]/.test(o.name));
}
