import { testRule } from '../../helpers/ruleTester';

testRule('dockerfile/package-signature-disabled', 'dockerfile', {
  valid: [
    { name: 'a plain apt-get install', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n' },
    { name: 'apt -o option set to false', code: 'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=false install -y curl\n' },
    { name: 'dnf --setopt of another option, or gpgcheck=1', code: 'FROM fedora:40\nRUN dnf install -y --setopt=install_weak_deps=False --setopt=gpgcheck=1 tool\n' },
    { name: 'rpm query and verify modes install nothing', code: 'FROM rockylinux:9\nRUN rpm -qp --nosignature /tmp/tool.rpm && rpm -V --nodigest bash && rpm --query --nosignature bash\n' },
    { name: 'the flag as an argument of another program', code: 'FROM debian:12\nRUN echo --allow-unauthenticated --nogpgcheck\n' },
    { name: 'the flag in a comment line inside the continuation', code: 'FROM alpine:3.20\nRUN apk add \\\n# apk add --allow-untrusted\n    curl\n' },
    { name: 'a COPY heredoc is a file, not a script', code: 'FROM debian:12\nCOPY <<EOF /usr/local/bin/setup\napt-get install --allow-unauthenticated curl\nEOF\n' },
    { name: 'a package manager chosen by a variable', code: 'FROM debian:12\nRUN $PM install --nogpgcheck tool\n' },
    {
      name: 'suppressed with a reason',
      code: 'FROM debian:12\n# ballast-ignore dockerfile/package-signature-disabled -- offline mirror without keys\nRUN apt-get install -y --allow-unauthenticated curl\n',
    },
  ],
  invalid: [
    {
      name: 'apt-get --allow-unauthenticated in an && chain',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --allow-unauthenticated curl\n',
      findings: [
        {
          message: '--allow-unauthenticated lets apt-get install packages whose signatures it cannot verify. Remove it and trust the repository\'s signing key (signed-by) instead.',
          range: [1, 41, 1, 64],
          fixes: [
            { title: 'Remove --allow-unauthenticated', kind: 'suggestion', output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
          ],
        },
      ],
    },
    {
      name: '--force-yes alone on a continuation line, with a comment line and CRLF',
      code: 'FROM debian:12\r\nRUN apt-get install -y \\\r\n    # pinned elsewhere\r\n    --force-yes \\\r\n    curl\r\n',
      findings: [
        {
          message: '--force-yes lets apt-get install unauthenticated packages without asking. Remove it and trust the repository\'s signing key (signed-by) instead.',
          range: [3, 4, 3, 15],
          fixes: [
            { title: 'Remove --force-yes', kind: 'suggestion', output: 'FROM debian:12\r\nRUN apt-get install -y \\\r\n    # pinned elsewhere\r\n    curl\r\n' },
          ],
        },
      ],
    },
    {
      name: 'backtick escape: the flag ends the instruction on a line of its own',
      code: '# escape=`\nFROM debian:12\nRUN apt-get install -y curl `\n    --allow-unauthenticated\nUSER 10001\n',
      findings: [
        {
          message: '--allow-unauthenticated lets apt-get install packages whose signatures it cannot verify. Remove it and trust the repository\'s signing key (signed-by) instead.',
          range: [3, 4, 3, 27],
          fixes: [
            { title: 'Remove --allow-unauthenticated', kind: 'suggestion', output: '# escape=`\nFROM debian:12\nRUN apt-get install -y curl\nUSER 10001\n' },
          ],
        },
      ],
    },
    {
      name: 'exec form: the JSON string and its comma are removed',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "--allow-unauthenticated", "-y", "curl"]\n',
      findings: [
        {
          message: '--allow-unauthenticated lets apt-get install packages whose signatures it cannot verify. Remove it and trust the repository\'s signing key (signed-by) instead.',
          range: [1, 27, 1, 52],
          fixes: [
            { title: 'Remove --allow-unauthenticated', kind: 'suggestion', output: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n' },
          ],
        },
      ],
    },
    {
      name: 'apt -o option with its value, inside sh -c in exec form',
      code: 'FROM debian:12\nRUN ["sh", "-c", "apt-get -o APT::Get::AllowUnauthenticated=true install -y curl"]\n',
      findings: [
        {
          message: '-o APT::Get::AllowUnauthenticated=true turns off apt-get\'s signature checks. Remove it and trust the repository\'s signing key (signed-by) instead.',
          range: [1, 26, 1, 64],
          fixes: [
            { title: 'Remove -o APT::Get::AllowUnauthenticated=true', kind: 'suggestion', output: 'FROM debian:12\nRUN ["sh", "-c", "apt-get install -y curl"]\n' },
          ],
        },
      ],
    },
    {
      name: 'apk --allow-untrusted in a heredoc',
      code: 'FROM alpine:3.20\nRUN <<EOF\napk add --allow-untrusted /tmp/tool.apk\nEOF\n',
      findings: [
        {
          message: '--allow-untrusted lets apk install packages that no trusted key signed. Remove it and add the signing key to /etc/apk/keys instead.',
          range: [2, 8, 2, 25],
          fixes: [
            { title: 'Remove --allow-untrusted', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN <<EOF\napk add /tmp/tool.apk\nEOF\n' },
          ],
        },
      ],
    },
    {
      name: 'dnf --nogpgcheck and --setopt=gpgcheck=0 behind sudo',
      code: 'FROM fedora:40\nRUN sudo dnf install -y --nogpgcheck --setopt=gpgcheck=0 tool\n',
      findings: [
        {
          message: '--nogpgcheck makes dnf skip GPG signature checks. Remove it and import the repository\'s key with rpm --import instead.',
          range: [1, 24, 1, 36],
          fixes: [
            { title: 'Remove --nogpgcheck', kind: 'suggestion', output: 'FROM fedora:40\nRUN sudo dnf install -y --setopt=gpgcheck=0 tool\n' },
          ],
        },
        {
          message: '--setopt=gpgcheck=0 makes dnf skip GPG signature checks. Remove it and import the repository\'s key with rpm --import instead.',
          range: [1, 37, 1, 56],
          fixes: [
            { title: 'Remove --setopt=gpgcheck=0', kind: 'suggestion', output: 'FROM fedora:40\nRUN sudo dnf install -y --nogpgcheck tool\n' },
          ],
        },
      ],
    },
    {
      name: 'rpm -i with --nosignature and --nodigest; rpm -q is left alone',
      code: 'FROM rockylinux:9\nRUN rpm -ivh --nosignature --nodigest /tmp/tool.rpm && rpm -qp --nosignature /tmp/tool.rpm\n',
      findings: [
        {
          message: '--nosignature makes rpm skip signature checks. Remove it and import the package\'s key with rpm --import instead.',
          range: [1, 13, 1, 26],
          fixes: [
            { title: 'Remove --nosignature', kind: 'suggestion', output: 'FROM rockylinux:9\nRUN rpm -ivh --nodigest /tmp/tool.rpm && rpm -qp --nosignature /tmp/tool.rpm\n' },
          ],
        },
        {
          message: '--nodigest makes rpm skip digest checks. Remove it and import the package\'s key with rpm --import instead.',
          range: [1, 27, 1, 37],
          fixes: [
            { title: 'Remove --nodigest', kind: 'suggestion', output: 'FROM rockylinux:9\nRUN rpm -ivh --nosignature /tmp/tool.rpm && rpm -qp --nosignature /tmp/tool.rpm\n' },
          ],
        },
      ],
    },
    {
      name: 'zypper global option, microdnf and tdnf',
      code: 'FROM opensuse/leap:15.6\nRUN zypper --no-gpg-checks install -y a && microdnf --nogpgcheck install b && tdnf install --nogpgcheck c\n',
      findings: [
        {
          message: '--no-gpg-checks makes zypper ignore failed GPG checks. Remove it and import the repository\'s key with rpm --import instead.',
          range: [1, 11, 1, 26],
          fixes: [
            { title: 'Remove --no-gpg-checks', kind: 'suggestion', output: 'FROM opensuse/leap:15.6\nRUN zypper install -y a && microdnf --nogpgcheck install b && tdnf install --nogpgcheck c\n' },
          ],
        },
        {
          message: '--nogpgcheck makes microdnf skip GPG signature checks. Remove it and import the repository\'s key with rpm --import instead.',
          range: [1, 52, 1, 64],
          fixes: [
            { title: 'Remove --nogpgcheck', kind: 'suggestion', output: 'FROM opensuse/leap:15.6\nRUN zypper --no-gpg-checks install -y a && microdnf install b && tdnf install --nogpgcheck c\n' },
          ],
        },
        {
          message: '--nogpgcheck makes tdnf skip GPG signature checks. Remove it and import the repository\'s key with rpm --import instead.',
          range: [1, 91, 1, 103],
          fixes: [
            { title: 'Remove --nogpgcheck', kind: 'suggestion', output: 'FROM opensuse/leap:15.6\nRUN zypper --no-gpg-checks install -y a && microdnf --nogpgcheck install b && tdnf install c\n' },
          ],
        },
      ],
    },
    {
      name: 'apt options that accept unsigned repositories',
      code: 'FROM debian:12\nRUN apt-get -oAcquire::AllowInsecureRepositories=1 update && apt update --allow-insecure-repositories\n',
      findings: [
        {
          message: '-oAcquire::AllowInsecureRepositories=1 turns off apt-get\'s signature checks. Remove it and trust the repository\'s signing key (signed-by) instead.',
          range: [1, 12, 1, 50],
          fixes: [
            { title: 'Remove -oAcquire::AllowInsecureRepositories=1', kind: 'suggestion', output: 'FROM debian:12\nRUN apt-get update && apt update --allow-insecure-repositories\n' },
          ],
        },
        {
          message: '--allow-insecure-repositories lets apt use repositories that are not signed. Remove it and trust the repository\'s signing key (signed-by) instead.',
          range: [1, 72, 1, 101],
          fixes: [
            { title: 'Remove --allow-insecure-repositories', kind: 'suggestion', output: 'FROM debian:12\nRUN apt-get -oAcquire::AllowInsecureRepositories=1 update && apt update\n' },
          ],
        },
      ],
    },
    {
      name: 'a builder stage is reported too: what it installs ends up in the image',
      code: 'FROM golang:1.23 AS build\nRUN yum install -y --setopt=epel.gpgcheck=0 tool\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /go/bin/app /app\n',
      findings: [
        {
          message: '--setopt=epel.gpgcheck=0 makes yum skip GPG signature checks. Remove it and import the repository\'s key with rpm --import instead.',
          range: [1, 19, 1, 43],
          fixes: [
            { title: 'Remove --setopt=epel.gpgcheck=0', kind: 'suggestion', output: 'FROM golang:1.23 AS build\nRUN yum install -y tool\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /go/bin/app /app\n' },
          ],
        },
      ],
    },
    {
      name: 'dnf5 --no-gpgchecks and zypper --allow-unsigned-rpm',
      code: 'FROM fedora:41\nRUN dnf5 install --no-gpgchecks -y a && zypper in --allow-unsigned-rpm /tmp/b.rpm\n',
      findings: [
        {
          message: '--no-gpgchecks makes dnf5 skip GPG signature checks. Remove it and import the repository\'s key with rpm --import instead.',
          range: [1, 17, 1, 31],
          fixes: [
            { title: 'Remove --no-gpgchecks', kind: 'suggestion', output: 'FROM fedora:41\nRUN dnf5 install -y a && zypper in --allow-unsigned-rpm /tmp/b.rpm\n' },
          ],
        },
        {
          message: '--allow-unsigned-rpm lets zypper install unsigned RPM files. Remove it and import the repository\'s key with rpm --import instead.',
          range: [1, 50, 1, 70],
          fixes: [
            { title: 'Remove --allow-unsigned-rpm', kind: 'suggestion', output: 'FROM fedora:41\nRUN dnf5 install --no-gpgchecks -y a && zypper in /tmp/b.rpm\n' },
          ],
        },
      ],
    },
    {
      name: 'double-quoted sh -c script with escaped quotes',
      code: 'FROM debian:12\nRUN sh -c "apt-get install --allow-unauthenticated \\"curl\\""\n',
      findings: [
        {
          message: '--allow-unauthenticated lets apt-get install packages whose signatures it cannot verify. Remove it and trust the repository\'s signing key (signed-by) instead.',
          range: [1, 27, 1, 50],
          fixes: [
            { title: 'Remove --allow-unauthenticated', kind: 'suggestion', output: 'FROM debian:12\nRUN sh -c "apt-get install \\"curl\\""\n' },
          ],
        },
      ],
    },
    {
      name: 'RUN --mount flags before the script',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk --allow-untrusted add tool\n',
      findings: [
        {
          message: '--allow-untrusted lets apk install packages that no trusted key signed. Remove it and add the signing key to /etc/apk/keys instead.',
          range: [1, 49, 1, 66],
          fixes: [
            { title: 'Remove --allow-untrusted', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add tool\n' },
          ],
        },
      ],
    },
  ],
});
