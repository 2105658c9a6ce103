import { testRule } from '../../helpers/ruleTester';

testRule('dockerfile/ssh-exposed', 'dockerfile', {
  valid: [
    { name: 'other ports, UDP 22 and ranges that miss 22', code: 'FROM alpine:3.20\nEXPOSE 2222 8022 220 22/udp 23-30 10-21\n' },
    {
      name: 'SSH clients only',
      code: 'FROM debian:12\nRUN apt-get install -y openssh-client && apk add openssh-client-default && dnf install -y openssh-clients\n',
    },
    { name: 'removing the server', code: 'FROM debian:12\nRUN apt-get purge -y openssh-server && apt-get remove dropbear\n' },
    { name: 'the package name as an argument of another program', code: 'FROM debian:12\nRUN echo openssh-server && dpkg -s openssh-server\n' },
    { name: 'a port given by a variable', code: 'FROM alpine:3.20\nARG PORT=8080\nEXPOSE $PORT\n' },
    {
      name: 'a builder stage with SSH does not reach the final image',
      code: 'FROM debian:12 AS test\nRUN apt-get install -y openssh-server\nEXPOSE 22\nFROM debian:12\nCOPY --from=test /out /out\n',
    },
    { name: 'suppressed with a reason', code: 'FROM debian:12\n# ballast-ignore dockerfile/ssh-exposed -- SFTP gateway image\nEXPOSE 22\n' },
  ],
  invalid: [
    {
      name: 'EXPOSE 22 and the sshd package (the documented example)',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-server\nEXPOSE 22\nCMD ["/usr/sbin/sshd", "-D"]\n',
      findings: [
        { message: 'openssh-server installs an SSH server in the image. Remove it and get a shell with docker exec or kubectl exec instead.', range: [1, 65, 1, 79] },
        { message: 'EXPOSE 22 publishes the SSH port. Get a shell with docker exec or kubectl exec instead of running an SSH server in the container.', range: [2, 7, 2, 9] },
      ],
    },
    {
      name: '22/tcp and a port range that includes 22',
      code: 'FROM alpine:3.20\nEXPOSE 8080 22/TCP 20-25\n',
      findings: [
        { message: 'EXPOSE 22/TCP publishes the SSH port. Get a shell with docker exec or kubectl exec instead of running an SSH server in the container.', range: [1, 12, 1, 18] },
        { message: 'EXPOSE 20-25 includes the SSH port 22. Get a shell with docker exec or kubectl exec instead of running an SSH server in the container.', range: [1, 19, 1, 24] },
      ],
    },
    {
      name: 'SSH server packages across package managers, versions and architectures',
      code: 'FROM debian:12\nRUN apt-get install -y ssh openssh-server=1:9.2p1-2 dropbear-bin:amd64 && apk add --no-cache openssh dropbear && dnf install -y openssh-server-8.7p1 && zypper in -y openssh\n',
      findings: [
        { message: 'ssh installs an SSH server in the image. Remove it and get a shell with docker exec or kubectl exec instead.', range: [1, 23, 1, 26] },
        { message: 'openssh-server=1:9.2p1-2 installs an SSH server in the image. Remove it and get a shell with docker exec or kubectl exec instead.', range: [1, 27, 1, 51] },
        { message: 'dropbear-bin:amd64 installs an SSH server in the image. Remove it and get a shell with docker exec or kubectl exec instead.', range: [1, 52, 1, 70] },
        { message: 'openssh installs an SSH server in the image. Remove it and get a shell with docker exec or kubectl exec instead.', range: [1, 93, 1, 100] },
        { message: 'dropbear installs an SSH server in the image. Remove it and get a shell with docker exec or kubectl exec instead.', range: [1, 101, 1, 109] },
        { message: 'openssh-server-8.7p1 installs an SSH server in the image. Remove it and get a shell with docker exec or kubectl exec instead.', range: [1, 128, 1, 148] },
        { message: 'openssh installs an SSH server in the image. Remove it and get a shell with docker exec or kubectl exec instead.', range: [1, 165, 1, 172] },
      ],
    },
    {
      name: 'exec form and sh -c',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "openssh-server"]\nRUN ["sh", "-c", "apk add --no-cache openssh-server-pam"]\n',
      findings: [
        { message: 'openssh-server installs an SSH server in the image. Remove it and get a shell with docker exec or kubectl exec instead.', range: [1, 19, 1, 35] },
        { message: 'openssh-server-pam installs an SSH server in the image. Remove it and get a shell with docker exec or kubectl exec instead.', range: [2, 37, 2, 55] },
      ],
    },
    {
      name: 'heredoc, continuation lines with a comment line, CRLF',
      code: 'FROM rockylinux:9\r\nRUN <<EOF\r\nyum install -y \\\r\n    openssh-server\r\nEOF\r\nRUN microdnf install -y \\\r\n    # remote access\r\n    dropbear\r\n',
      findings: [
        { message: 'openssh-server installs an SSH server in the image. Remove it and get a shell with docker exec or kubectl exec instead.', range: [3, 4, 3, 18] },
        { message: 'dropbear installs an SSH server in the image. Remove it and get a shell with docker exec or kubectl exec instead.', range: [7, 4, 7, 12] },
      ],
    },
    {
      name: 'backtick escape',
      code: '# escape=`\nFROM debian:12\nRUN apt-get install -y `\n    openssh-server\nEXPOSE 22\n',
      findings: [
        { message: 'openssh-server installs an SSH server in the image. Remove it and get a shell with docker exec or kubectl exec instead.', range: [3, 4, 3, 18] },
        { message: 'EXPOSE 22 publishes the SSH port. Get a shell with docker exec or kubectl exec instead of running an SSH server in the container.', range: [4, 7, 4, 9] },
      ],
    },
    {
      name: 'the final stage inherits from a stage that exposes 22',
      code: 'FROM debian:12 AS base\nEXPOSE 22\nFROM base\nCMD ["app"]\n',
      findings: [
        { message: 'EXPOSE 22 publishes the SSH port. Get a shell with docker exec or kubectl exec instead of running an SSH server in the container.', range: [1, 7, 1, 9] },
      ],
    },
  ],
});
