import { testRule } from '../../helpers/ruleTester';

testRule('dockerfile/apt-unpinned-versions', 'dockerfile', {
  valid: [
    {
      name: 'every package pinned',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 ca-certificates=20230311\n',
    },
    { name: 'local .deb files and release selections, as hadolint', code: 'FROM debian:12\nRUN apt-get install -y ./tool_1.0_amd64.deb /tmp/other.deb curl/bookworm-backports\n' },
    { name: 'packages from a variable or a command substitution', code: 'FROM debian:12\nRUN apt-get install -y $PACKAGES $(cat /tmp/packages.txt)\n' },
    { name: 'option values are not packages', code: 'FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confold -t bookworm install -y -c /etc/apt/custom.conf\n' },
    { name: 'other apt-get subcommands', code: 'FROM debian:12\nRUN apt-get update && apt-get remove -y curl && apt-get source curl && apt-get download curl\n' },
    { name: 'other package managers', code: 'FROM alpine:3.20\nRUN apk add curl && pip install requests\n' },
    { name: 'suppressed for the instruction', code: 'FROM debian:12\n# ballast-ignore dockerfile/apt-unpinned-versions -- tracking the distribution on purpose\nRUN apt-get install -y curl\n' },
    { name: 'suppressed with hadolint\'s id', code: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n' },
  ],
  invalid: [
    {
      name: 'one unpinned package (the documented example)',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      findings: [
        { message: 'curl is installed without a version, so each build can get a different one. Pin it as curl=<version>.', range: [1, 65, 1, 69] },
      ],
    },
    {
      name: 'each unpinned package on its own; pins, options, paths and variables skipped',
      code: 'FROM debian:12\nRUN apt-get -y install -t bookworm-backports --no-install-recommends curl git=1:2.39.5-0+deb12u1 ./tool.deb "$EXTRA" \'lib*\' wget/bookworm jq\n',
      findings: [
        { message: 'curl is installed without a version, so each build can get a different one. Pin it as curl=<version>.', range: [1, 69, 1, 73] },
        { message: 'jq is installed without a version, so each build can get a different one. Pin it as jq=<version>.', range: [1, 138, 1, 140] },
      ],
    },
    {
      name: 'apt install and sudo',
      code: 'FROM ubuntu:24.04\nRUN sudo apt install -y vim\n',
      findings: [
        { message: 'vim is installed without a version, so each build can get a different one. Pin it as vim=<version>.', range: [1, 24, 1, 27] },
      ],
    },
    {
      name: 'continuation lines with a comment line and CRLF',
      code: 'FROM debian:12\r\nRUN apt-get install -y \\\r\n    # tools\r\n    ca-certificates \\\r\n    tzdata=2024a-0+deb12u1\r\n',
      findings: [
        { message: 'ca-certificates is installed without a version, so each build can get a different one. Pin it as ca-certificates=<version>.', range: [3, 4, 3, 19] },
      ],
    },
    {
      name: 'exec form and sh -c',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\nRUN ["sh", "-c", "apt-get install -y jq"]\n',
      findings: [
        { message: 'curl is installed without a version, so each build can get a different one. Pin it as curl=<version>.', range: [1, 33, 1, 39] },
        { message: 'jq is installed without a version, so each build can get a different one. Pin it as jq=<version>.', range: [2, 37, 2, 39] },
      ],
    },
    {
      name: 'heredoc and backtick escape',
      code: '# escape=`\nFROM debian:12\nRUN <<EOF\napt-get install -y \\\n  make\nEOF\nRUN apt-get install -y `\n    gcc\n',
      findings: [
        { message: 'make is installed without a version, so each build can get a different one. Pin it as make=<version>.', range: [4, 2, 4, 6] },
        { message: 'gcc is installed without a version, so each build can get a different one. Pin it as gcc=<version>.', range: [7, 4, 7, 7] },
      ],
    },
    {
      name: 'builder stages are reported too',
      code: 'FROM debian:12 AS build\nRUN apt-get install -y build-essential\nFROM gcr.io/distroless/base-debian12:nonroot\nCOPY --from=build /out /app\n',
      findings: [
        { message: 'build-essential is installed without a version, so each build can get a different one. Pin it as build-essential=<version>.', range: [1, 23, 1, 38] },
      ],
    },
  ],
});
