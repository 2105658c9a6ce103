import { testRule } from '../../helpers/ruleTester';

testRule('dockerfile/apt-no-install-recommends', 'dockerfile', {
  valid: [
    { name: 'the option before the packages', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n' },
    { name: 'the option after the packages', code: 'FROM debian:12\nRUN apt-get install -y curl --no-install-recommends\n' },
    {
      name: 'APT::Install-Recommends turned off with -o',
      code: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl && apt-get install -oAPT::Install-Recommends=0 -y git\n',
    },
    {
      name: 'turned off in apt.conf.d by an earlier RUN of the stage',
      code: 'FROM debian:12\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl\n',
    },
    {
      name: 'turned off in apt.conf.d by the stage the final stage builds on',
      code: 'FROM debian:12 AS base\nRUN printf "APT::Install-Recommends \\"0\\";\\n" > /etc/apt/apt.conf.d/99norecommends\nFROM base\nRUN apt-get install -y curl\n',
    },
    { name: 'apt-get commands that install nothing', code: 'FROM debian:12\nRUN apt-get update && apt-get remove -y curl && apt-get autoremove -y\n' },
    { name: 'another package manager', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    { name: 'suppressed with hadolint\'s id', code: 'FROM debian:12\n# hadolint ignore=DL3015\nRUN apt-get install -y curl\n' },
  ],
  invalid: [
    {
      name: 'apt-get install without the option (the documented example)',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8\n',
      findings: [
        {
          message: 'apt-get install without --no-install-recommends also installs recommended packages, which grow the image and its attack surface. Add --no-install-recommends.',
          range: [1, 30, 1, 37],
          fixes: [
            { title: 'Add --no-install-recommends', kind: 'suggestion', output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends -y curl=7.88.1-10+deb12u8\n' },
          ],
        },
      ],
    },
    {
      name: 'apt install behind sudo, with options before the subcommand',
      code: 'FROM ubuntu:24.04\nRUN sudo apt -qq -y install vim\n',
      findings: [
        {
          message: 'apt install without --no-install-recommends also installs recommended packages, which grow the image and its attack surface. Add --no-install-recommends.',
          range: [1, 20, 1, 27],
          fixes: [
            { title: 'Add --no-install-recommends', kind: 'suggestion', output: 'FROM ubuntu:24.04\nRUN sudo apt -qq -y install --no-install-recommends vim\n' },
          ],
        },
      ],
    },
    {
      name: 'exec form: the option becomes another JSON string',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      findings: [
        {
          message: 'apt-get install without --no-install-recommends also installs recommended packages, which grow the image and its attack surface. Add --no-install-recommends.',
          range: [1, 16, 1, 25],
          fixes: [
            { title: 'Add --no-install-recommends', kind: 'suggestion', output: 'FROM debian:12\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "curl"]\n' },
          ],
        },
      ],
    },
    {
      name: 'sh -c in exec form: the option goes inside the script string',
      code: 'FROM debian:12\nRUN ["sh", "-c", "apt-get install -y jq"]\n',
      findings: [
        {
          message: 'apt-get install without --no-install-recommends also installs recommended packages, which grow the image and its attack surface. Add --no-install-recommends.',
          range: [1, 26, 1, 33],
          fixes: [
            { title: 'Add --no-install-recommends', kind: 'suggestion', output: 'FROM debian:12\nRUN ["sh", "-c", "apt-get install --no-install-recommends -y jq"]\n' },
          ],
        },
      ],
    },
    {
      name: 'continuation lines with a comment line and CRLF',
      code: 'FROM debian:12\r\nRUN apt-get update && \\\r\n    # tools\r\n    apt-get install -y \\\r\n      ca-certificates\r\n',
      findings: [
        {
          message: 'apt-get install without --no-install-recommends also installs recommended packages, which grow the image and its attack surface. Add --no-install-recommends.',
          range: [3, 12, 3, 19],
          fixes: [
            { title: 'Add --no-install-recommends', kind: 'suggestion', output: 'FROM debian:12\r\nRUN apt-get update && \\\r\n    # tools\r\n    apt-get install --no-install-recommends -y \\\r\n      ca-certificates\r\n' },
          ],
        },
      ],
    },
    {
      name: 'heredoc and backtick escape',
      code: '# escape=`\nFROM debian:12\nRUN <<EOF\napt-get install -y make\nEOF\nRUN apt-get `\n    install -y gcc\n',
      findings: [
        {
          message: 'apt-get install without --no-install-recommends also installs recommended packages, which grow the image and its attack surface. Add --no-install-recommends.',
          range: [3, 8, 3, 15],
          fixes: [
            { title: 'Add --no-install-recommends', kind: 'suggestion', output: '# escape=`\nFROM debian:12\nRUN <<EOF\napt-get install --no-install-recommends -y make\nEOF\nRUN apt-get `\n    install -y gcc\n' },
          ],
        },
        {
          message: 'apt-get install without --no-install-recommends also installs recommended packages, which grow the image and its attack surface. Add --no-install-recommends.',
          range: [6, 4, 6, 11],
          fixes: [
            { title: 'Add --no-install-recommends', kind: 'suggestion', output: '# escape=`\nFROM debian:12\nRUN <<EOF\napt-get install -y make\nEOF\nRUN apt-get `\n    install --no-install-recommends -y gcc\n' },
          ],
        },
      ],
    },
    {
      name: 'two installs in one RUN, one with the option',
      code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl && apt-get install -y git\n',
      findings: [
        {
          message: 'apt-get install without --no-install-recommends also installs recommended packages, which grow the image and its attack surface. Add --no-install-recommends.',
          range: [1, 63, 1, 70],
          fixes: [
            { title: 'Add --no-install-recommends', kind: 'suggestion', output: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl && apt-get install --no-install-recommends -y git\n' },
          ],
        },
      ],
    },
    {
      name: 'the configuration of another stage does not count',
      code: 'FROM debian:12 AS base\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\nFROM debian:12\nRUN apt-get install -y curl\n',
      findings: [
        {
          message: 'apt-get install without --no-install-recommends also installs recommended packages, which grow the image and its attack surface. Add --no-install-recommends.',
          range: [3, 12, 3, 19],
          fixes: [
            { title: 'Add --no-install-recommends', kind: 'suggestion', output: 'FROM debian:12 AS base\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\nFROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n' },
          ],
        },
      ],
    },
  ],
});
