import { testRule } from '../../helpers/ruleTester';

const SUDO = 'Do not use sudo in RUN. Switch users with the USER instruction around the steps that need root.';
const DOAS = 'Do not use doas in RUN. Switch users with the USER instruction around the steps that need root.';
const SU = 'Do not use su -c in RUN. Switch users with the USER instruction around the steps that need root.';

testRule('dockerfile/no-sudo', 'dockerfile', {
  valid: [
    { name: 'sudo as a word, not a command', code: 'FROM debian:12\nRUN echo sudo && grep -r sudo /etc/group\n' },
    { name: 'installing the sudo package', code: 'FROM debian:12\nRUN apt-get install -y sudo\n' },
    { name: 'sudo inside a quoted string', code: 'FROM debian:12\nRUN echo "run sudo later" > /etc/motd\n' },
    { name: 'an assignment that mentions sudo', code: 'FROM debian:12\nRUN env SUDO=sudo make\n' },
    { name: 'su without a command', code: 'FROM debian:12\nRUN su --help || true\n' },
    { name: 'gosu steps down instead of up', code: 'FROM debian:12\nRUN gosu nobody true\n' },
    { name: 'sudo in CMD is not a build step', code: 'FROM debian:12\nUSER 10001\nCMD ["sudo", "nginx"]\n' },
    { name: 'a comment line inside a continuation', code: 'FROM debian:12\nRUN apt-get update \\\n# sudo apt-get upgrade\n && apt-get install -y curl\n' },
    { name: 'a script that is still being typed', code: 'FROM debian:12\nRUN sudo "unterminated\n' },
  ],
  invalid: [
    {
      name: 'every sudo of an && chain',
      code: 'FROM debian:12\nUSER app\nRUN sudo apt-get update && sudo apt-get install -y curl\n',
      findings: [
        { message: SUDO, range: [2, 4, 2, 8] },
        { message: SUDO, range: [2, 27, 2, 31] },
      ],
    },
    { name: 'sudo by path with options', code: 'FROM debian:12\nRUN /usr/bin/sudo -E -u root make install\n', findings: [{ message: SUDO, range: [1, 4, 1, 17] }] },
    { name: 'behind env and xargs', code: 'FROM debian:12\nRUN env DEBIAN_FRONTEND=noninteractive sudo apt-get update\nRUN find /tmp -name "*.log" | xargs sudo rm\n', findings: [{ message: SUDO, range: [1, 39, 1, 43] }, { message: SUDO, range: [2, 36, 2, 40] }] },
    { name: 'doas', code: 'FROM alpine:3.20\nRUN doas apk add curl\n', findings: [{ message: DOAS, range: [1, 4, 1, 8] }] },
    { name: 'su -c', code: 'FROM debian:12\nRUN su -c "make install" root\n', findings: [{ message: SU, range: [1, 4, 1, 6] }] },
    { name: 'su with a user first and --command', code: 'FROM debian:12\nRUN su - app --command="npm ci"\n', findings: [{ message: SU, range: [1, 4, 1, 6] }] },
    { name: 'su with combined flags', code: 'FROM debian:12\nRUN su -lc "npm ci" app\n', findings: [{ message: SU, range: [1, 4, 1, 6] }] },
    {
      name: 'continuation lines, a comment line inside them, CRLF',
      code: 'FROM debian:12\r\nRUN apt-get update \\\r\n# upgrade as well\r\n  && sudo apt-get upgrade -y\r\n',
      findings: [{ message: SUDO, range: [3, 5, 3, 9] }],
    },
    { name: 'escape directive', code: '# escape=`\nFROM debian:12\nRUN apt-get update `\n  && sudo make install\n', findings: [{ message: SUDO, range: [3, 5, 3, 9] }] },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\nset -e\nsudo make install\nEOF\n', findings: [{ message: SUDO, range: [3, 0, 3, 4] }] },
    { name: 'exec form', code: 'FROM debian:12\nRUN ["sudo", "make", "install"]\n', findings: [{ message: SUDO, range: [1, 5, 1, 11] }] },
    { name: 'inside an exec-form sh -c string', code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "make && sudo make install"]\n', findings: [{ message: SUDO, range: [1, 31, 1, 35] }] },
    { name: 'inside a shell-form bash -c string', code: "FROM debian:12\nRUN bash -c 'sudo make install'\n", findings: [{ message: SUDO, range: [1, 13, 1, 17] }] },
    {
      name: 'builder stages are checked too',
      code: 'FROM golang:1.23 AS build\nRUN sudo go build\nFROM alpine:3.20\nRUN doas true\n',
      findings: [{ message: SUDO, range: [1, 4, 1, 8] }, { message: DOAS, range: [3, 4, 3, 8] }],
    },
  ],
});
