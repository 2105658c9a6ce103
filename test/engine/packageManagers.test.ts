import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Instruction } from 'dockerfile-ast';
import { parseDockerfile } from '../../engine/dockerfile/model';
import { isInstall, packageManagerCommand, packageName, type PackageManagerCommand } from '../../engine/dockerfile/packageManagers';
import { runScript } from '../../engine/dockerfile/shell';

function invocations(script: string): PackageManagerCommand[] {
  const model = parseDockerfile(`FROM a:1\nRUN ${script}\n`);
  const run = model.instructions.find((i: Instruction) => i.getKeyword() === 'RUN')!;
  return runScript(model, run).commands.map(packageManagerCommand).filter((c): c is PackageManagerCommand => c !== undefined);
}

/** An invocation as plain values: options as `name` or `name=value`, then subcommand and operands. */
function summary(command: PackageManagerCommand): { program: string; options: string[]; subcommand: string | undefined; operands: (string | undefined)[] } {
  return {
    program: command.program,
    options: command.options.map((o) => (o.value === undefined ? o.name : `${o.name}=${o.value}`)),
    subcommand: command.subcommand?.value,
    operands: command.operands.map((w) => w.value),
  };
}

describe('package manager invocations', () => {
  it('separates options, their values, the subcommand and the operands', () => {
    const [apt] = invocations('apt-get -qq -o Dpkg::Use-Pty=0 -y install -t bookworm-backports --no-install-recommends curl git=1:2.39');
    assert.deepEqual(summary(apt!), {
      program: 'apt-get',
      options: ['-qq', '-o=Dpkg::Use-Pty=0', '-y', '-t=bookworm-backports', '--no-install-recommends'],
      subcommand: 'install',
      operands: ['curl', 'git=1:2.39'],
    });
    assert.equal(isInstall(apt!), true);
  });

  it('reads attached values, long options with =, and -- as the end of options', () => {
    const [apk, dnf] = invocations('apk add -t.build-deps --repository=https://x gcc -- -weird && dnf --setopt gpgcheck=0 install -y x');
    assert.deepEqual(summary(apk!), { program: 'apk', options: ['-t=.build-deps', '--repository=https://x'], subcommand: 'add', operands: ['gcc', '-weird'] });
    assert.deepEqual(summary(dnf!), { program: 'dnf', options: ['--setopt=gpgcheck=0', '-y'], subcommand: 'install', operands: ['x'] });
  });

  it('looks through sudo, skips an expanding word before the subcommand, and gives rpm no subcommand', () => {
    const [apt, rpm] = invocations('sudo apt-get $APT_OPTS install "$PKG" && rpm -ivh --nosignature x.rpm');
    assert.deepEqual(summary(apt!), { program: 'apt-get', options: [], subcommand: 'install', operands: [undefined] });
    assert.deepEqual(summary(rpm!), { program: 'rpm', options: ['-ivh', '--nosignature'], subcommand: undefined, operands: ['x.rpm'] });
    assert.equal(isInstall(rpm!), false);
  });

  it('knows each family\'s install subcommand', () => {
    const installs = invocations('apt install a && apk add b && microdnf install c && zypper in d && yum update e && apk del f').map(isInstall);
    assert.deepEqual(installs, [true, true, true, true, false, false]);
  });

  it('strips versions, releases and architectures from package names', () => {
    assert.equal(packageName('apt', 'openssh-server=1:9.2p1-2'), 'openssh-server');
    assert.equal(packageName('apt', 'libc6:amd64'), 'libc6');
    assert.equal(packageName('apt', 'curl/bookworm-backports'), 'curl');
    assert.equal(packageName('apk', 'openssh~9.6'), 'openssh');
    assert.equal(packageName('apk', 'openssh>9'), 'openssh');
    assert.equal(packageName('dnf', 'openssh-server-8.7p1-38.el9'), 'openssh-server');
    assert.equal(packageName('dnf', 'openssh-server.x86_64'), 'openssh-server');
    assert.equal(packageName('zypper', 'python3-pip'), 'python3-pip');
  });
});
