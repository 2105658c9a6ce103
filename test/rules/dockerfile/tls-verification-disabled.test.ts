import { testRule, type ExpectedFix } from '../../helpers/ruleTester';

const ADVICE = 'and fix the certificate problem instead.';
const flag = (what: string, written: string, scope = '') => `${what} disables TLS certificate verification${scope}. Remove ${written} ${ADVICE}`;
const variable = (assignment: string, tool: string) => `${assignment} disables TLS certificate verification in ${tool}. Remove it ${ADVICE}`;
const remove = (written: string, output: string): ExpectedFix[] => [{ title: `Remove ${written}`, kind: 'suggestion', output }];
const setTrue = (key: string, output: string): ExpectedFix[] => [{ title: `Set ${key} to true`, kind: 'suggestion', output }];

testRule('dockerfile/tls-verification-disabled', 'dockerfile', {
  valid: [
    { name: 'curl with verification', code: 'FROM debian:12\nRUN curl -fsSL https://example.com/x -o /tmp/x\n' },
    { name: 'a k that is the value of -o', code: 'FROM debian:12\nRUN curl -o k https://example.com/x && curl -sok.html https://example.com/y\n' },
    { name: 'a -k that is the value of -H', code: 'FROM debian:12\nRUN curl -H -k https://example.com/x\n' },
    { name: '-k for another program', code: 'FROM debian:12\nRUN echo -k && ssh-keygen -k -f /tmp/krl\n' },
    { name: 'git with verification on', code: 'FROM debian:12\nRUN git -c http.sslVerify=true clone https://x /a && git -c http.sslVerify clone https://x /b && git config --global http.sslVerify true\n' },
    { name: 'git config reads', code: 'FROM debian:12\nRUN git config --get http.sslVerify; git config --global --unset http.sslVerify\n' },
    { name: 'pip with its own CA bundle', code: 'FROM python:3.13\nRUN pip install --cert /etc/ssl/corp.pem -r requirements.txt\n' },
    { name: 'npm strict-ssl on, or read', code: 'FROM node:22\nRUN npm config set strict-ssl true && npm config get strict-ssl\n' },
    { name: 'dnf options that keep verification', code: 'FROM fedora:41\nRUN dnf --setopt=sslverify=1 --setopt=install_weak_deps=False install -y curl\n' },
    { name: 'variables with safe values', code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1 NODE_EXTRA_CA_CERTS=/etc/ssl/corp.pem GOINSECURE=\n' },
    { name: 'an ARG without a value sets nothing', code: 'ARG GIT_SSL_NO_VERIFY\nFROM debian:12\nARG NODE_TLS_REJECT_UNAUTHORIZED\n' },
    { name: 'a similar name in another case', code: 'FROM node:22\nENV node_tls_reject_unauthorized=0\n' },
    { name: 'an insecure flag in a comment line inside a continuation', code: 'FROM debian:12\nRUN curl -fsSL \\\n# -k was needed behind the old proxy\n    https://example.com/x\n' },
  ],
  invalid: [
    {
      name: 'curl -k',
      code: 'FROM debian:12\nRUN curl -k https://example.com/x\n',
      findings: [{ message: flag('curl -k', '-k'), range: [1, 9, 1, 11], fixes: remove('-k', 'FROM debian:12\nRUN curl https://example.com/x\n') }],
    },
    {
      name: 'the k inside combined short flags',
      code: 'FROM debian:12\nRUN curl -fsSLk https://example.com/x -o /tmp/x\n',
      findings: [{ message: flag('curl -k', '-k'), range: [1, 14, 1, 15], fixes: remove('-k', 'FROM debian:12\nRUN curl -fsSL https://example.com/x -o /tmp/x\n') }],
    },
    {
      name: 'k before a short option that takes a value',
      code: 'FROM debian:12\nRUN curl -ko /tmp/x https://example.com/x\n',
      findings: [{ message: flag('curl -k', '-k'), range: [1, 10, 1, 11], fixes: remove('-k', 'FROM debian:12\nRUN curl -o /tmp/x https://example.com/x\n') }],
    },
    {
      name: 'combined flags that do not map onto the text one to one: no fix',
      code: 'FROM debian:12\nRUN curl -fsS"k" https://example.com/x\n',
      findings: [{ message: flag('curl -k', '-k'), range: [1, 9, 1, 16] }],
    },
    {
      name: '--insecure behind sudo',
      code: 'FROM debian:12\nRUN sudo curl --insecure -fsSL https://example.com/x\n',
      findings: [{ message: flag('curl --insecure', '--insecure'), range: [1, 14, 1, 24], fixes: remove('--insecure', 'FROM debian:12\nRUN sudo curl -fsSL https://example.com/x\n') }],
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["curl", "-k", "https://example.com/x"]\n',
      findings: [{ message: flag('curl -k', '-k'), range: [1, 13, 1, 17], fixes: remove('-k', 'FROM debian:12\nRUN ["curl", "https://example.com/x"]\n') }],
    },
    {
      name: 'exec form with combined flags',
      code: 'FROM debian:12\nRUN ["curl", "-sSk", "https://example.com/x"]\n',
      findings: [{ message: flag('curl -k', '-k'), range: [1, 17, 1, 18], fixes: remove('-k', 'FROM debian:12\nRUN ["curl", "-sS", "https://example.com/x"]\n') }],
    },
    {
      name: 'inside an sh -c string',
      code: "FROM debian:12\nRUN sh -c 'curl -k https://example.com/x | tar -x'\n",
      findings: [{ message: flag('curl -k', '-k'), range: [1, 16, 1, 18], fixes: remove('-k', "FROM debian:12\nRUN sh -c 'curl https://example.com/x | tar -x'\n") }],
    },
    {
      name: 'a flag on its own continuation line, CRLF',
      code: 'FROM debian:12\r\nRUN curl -fsSL \\\r\n    --insecure \\\r\n    https://example.com/x\r\n',
      findings: [{ message: flag('curl --insecure', '--insecure'), range: [2, 4, 2, 14], fixes: remove('--insecure', 'FROM debian:12\r\nRUN curl -fsSL \\\r\n    https://example.com/x\r\n') }],
    },
    {
      name: 'a flag alone on the last continuation line',
      code: 'FROM debian:12\nRUN wget https://example.com/x \\\n    --no-check-certificate\nUSER 10001\n',
      findings: [
        {
          message: flag('wget --no-check-certificate', '--no-check-certificate'),
          range: [2, 4, 2, 26],
          fixes: remove('--no-check-certificate', 'FROM debian:12\nRUN wget https://example.com/x\nUSER 10001\n'),
        },
      ],
    },
    {
      name: 'escape directive and a comment line inside the continuation',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN curl.exe -k `\n  # behind the proxy\n  -o C:\\x.zip https://example.com/x.zip\n',
      findings: [
        {
          message: flag('curl -k', '-k'),
          range: [2, 13, 2, 15],
          fixes: remove('-k', '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN curl.exe `\n  # behind the proxy\n  -o C:\\x.zip https://example.com/x.zip\n'),
        },
      ],
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -fsSL --insecure https://example.com/x\nEOF\n',
      findings: [{ message: flag('curl --insecure', '--insecure'), range: [3, 11, 3, 21], fixes: remove('--insecure', 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -fsSL https://example.com/x\nEOF\n') }],
    },
    {
      name: 'git -c http.sslVerify=false',
      code: 'FROM debian:12\nRUN git -c http.sslVerify=false clone https://git.example.com/app.git /src\n',
      findings: [
        {
          message: `git -c http.sslVerify=false disables TLS certificate verification. Remove it ${ADVICE}`,
          range: [1, 11, 1, 31],
          fixes: [{ title: 'Remove -c http.sslVerify=false', kind: 'suggestion', output: 'FROM debian:12\nRUN git clone https://git.example.com/app.git /src\n' }],
        },
      ],
    },
    {
      name: 'git -c for one URL, after -C',
      code: 'FROM debian:12\nRUN git -C /src -c http.https://git.example.com/.sslverify=0 fetch\n',
      findings: [
        {
          message: `git -c http.https://git.example.com/.sslverify=0 disables TLS certificate verification. Remove it ${ADVICE}`,
          range: [1, 19, 1, 60],
          fixes: [{ title: 'Remove -c http.https://git.example.com/.sslverify=0', kind: 'suggestion', output: 'FROM debian:12\nRUN git -C /src fetch\n' }],
        },
      ],
    },
    {
      name: 'git config http.sslVerify false',
      code: 'FROM debian:12\nRUN git config --global http.sslVerify false && git clone https://x /src\n',
      findings: [
        {
          message: `git config http.sslVerify false disables TLS certificate verification for later git commands. Set it to true ${ADVICE}`,
          range: [1, 39, 1, 44],
          fixes: setTrue('http.sslVerify', 'FROM debian:12\nRUN git config --global http.sslVerify true && git clone https://x /src\n'),
        },
      ],
    },
    {
      name: 'git config set, the newer syntax',
      code: 'FROM debian:12\nRUN git config set --system http.sslverify off\n',
      findings: [
        {
          message: `git config http.sslverify off disables TLS certificate verification for later git commands. Set it to true ${ADVICE}`,
          range: [1, 43, 1, 46],
          fixes: setTrue('http.sslverify', 'FROM debian:12\nRUN git config set --system http.sslverify true\n'),
        },
      ],
    },
    {
      name: 'pip --trusted-host with its host',
      code: 'FROM python:3.13\nRUN pip install --trusted-host pypi.org -r requirements.txt\n',
      findings: [
        {
          message: `pip --trusted-host pypi.org disables TLS certificate verification for pypi.org. Remove it ${ADVICE}`,
          range: [1, 16, 1, 30],
          fixes: remove('--trusted-host pypi.org', 'FROM python:3.13\nRUN pip install -r requirements.txt\n'),
        },
      ],
    },
    {
      name: 'python -m pip with two trusted hosts, one attached',
      code: 'FROM python:3.13\nRUN python3 -m pip install --trusted-host pypi.org --trusted-host=files.pythonhosted.org flask\n',
      findings: [
        {
          message: `pip --trusted-host pypi.org disables TLS certificate verification for pypi.org. Remove it ${ADVICE}`,
          range: [1, 27, 1, 41],
          fixes: remove('--trusted-host pypi.org', 'FROM python:3.13\nRUN python3 -m pip install --trusted-host=files.pythonhosted.org flask\n'),
        },
        {
          message: `pip --trusted-host files.pythonhosted.org disables TLS certificate verification for files.pythonhosted.org. Remove it ${ADVICE}`,
          range: [1, 51, 1, 88],
          fixes: remove('--trusted-host=files.pythonhosted.org', 'FROM python:3.13\nRUN python3 -m pip install --trusted-host pypi.org flask\n'),
        },
      ],
    },
    {
      name: 'pip config set global.trusted-host: no fix',
      code: 'FROM python:3.13\nRUN pip3 config set global.trusted-host "pypi.org files.pythonhosted.org"\n',
      findings: [{ message: `pip config set global.trusted-host disables TLS certificate verification for those hosts. Remove it ${ADVICE}`, range: [1, 20, 1, 39] }],
    },
    {
      name: 'npm config set strict-ssl false',
      code: 'FROM node:22\nRUN npm config set strict-ssl false && npm ci\n',
      findings: [
        {
          message: `npm config set strict-ssl false disables TLS certificate verification. Set it to true ${ADVICE}`,
          range: [1, 30, 1, 35],
          fixes: setTrue('strict-ssl', 'FROM node:22\nRUN npm config set strict-ssl true && npm ci\n'),
        },
      ],
    },
    {
      name: 'npm set, pnpm with key=value, yarn and Yarn Berry',
      code: 'FROM node:22\nRUN npm set strict-ssl false\nRUN pnpm config set strict-ssl=false\nRUN yarn config set strict-ssl false\nRUN yarn config set enableStrictSsl false\n',
      findings: [
        {
          message: `npm set strict-ssl false disables TLS certificate verification. Set it to true ${ADVICE}`,
          range: [1, 23, 1, 28],
          fixes: setTrue('strict-ssl', 'FROM node:22\nRUN npm set strict-ssl true\nRUN pnpm config set strict-ssl=false\nRUN yarn config set strict-ssl false\nRUN yarn config set enableStrictSsl false\n'),
        },
        {
          message: `pnpm config set strict-ssl=false disables TLS certificate verification. Set it to true ${ADVICE}`,
          range: [2, 20, 2, 36],
          fixes: setTrue('strict-ssl', 'FROM node:22\nRUN npm set strict-ssl false\nRUN pnpm config set strict-ssl=true\nRUN yarn config set strict-ssl false\nRUN yarn config set enableStrictSsl false\n'),
        },
        {
          message: `yarn config set strict-ssl false disables TLS certificate verification. Set it to true ${ADVICE}`,
          range: [3, 31, 3, 36],
          fixes: setTrue('strict-ssl', 'FROM node:22\nRUN npm set strict-ssl false\nRUN pnpm config set strict-ssl=false\nRUN yarn config set strict-ssl true\nRUN yarn config set enableStrictSsl false\n'),
        },
        {
          message: `yarn config set enableStrictSsl false disables TLS certificate verification. Set it to true ${ADVICE}`,
          range: [4, 36, 4, 41],
          fixes: setTrue('enableStrictSsl', 'FROM node:22\nRUN npm set strict-ssl false\nRUN pnpm config set strict-ssl=false\nRUN yarn config set strict-ssl false\nRUN yarn config set enableStrictSsl true\n'),
        },
      ],
    },
    {
      name: 'npm --no-strict-ssl and --strict-ssl=false',
      code: 'FROM node:22\nRUN npm ci --no-strict-ssl && pnpm install --strict-ssl=false\n',
      findings: [
        { message: flag('npm --no-strict-ssl', '--no-strict-ssl'), range: [1, 11, 1, 26], fixes: remove('--no-strict-ssl', 'FROM node:22\nRUN npm ci && pnpm install --strict-ssl=false\n') },
        { message: flag('pnpm --strict-ssl=false', '--strict-ssl=false'), range: [1, 43, 1, 61], fixes: remove('--strict-ssl=false', 'FROM node:22\nRUN npm ci --no-strict-ssl && pnpm install\n') },
      ],
    },
    {
      name: 'dnf, yum-config-manager and microdnf --setopt sslverify',
      code: 'FROM fedora:41\nRUN dnf --setopt=sslverify=0 install -y curl\nRUN yum-config-manager --save --setopt=corp.sslverify=false\nRUN microdnf --setopt sslverify=no install curl\n',
      findings: [
        {
          message: flag('dnf --setopt=sslverify=0', '--setopt=sslverify=0', ' for package downloads'),
          range: [1, 8, 1, 28],
          fixes: remove('--setopt=sslverify=0', 'FROM fedora:41\nRUN dnf install -y curl\nRUN yum-config-manager --save --setopt=corp.sslverify=false\nRUN microdnf --setopt sslverify=no install curl\n'),
        },
        {
          message: flag('yum-config-manager --setopt=corp.sslverify=false', '--setopt=corp.sslverify=false', ' for package downloads'),
          range: [2, 30, 2, 59],
          fixes: remove('--setopt=corp.sslverify=false', 'FROM fedora:41\nRUN dnf --setopt=sslverify=0 install -y curl\nRUN yum-config-manager --save\nRUN microdnf --setopt sslverify=no install curl\n'),
        },
        {
          message: flag('microdnf --setopt sslverify=no', '--setopt sslverify=no', ' for package downloads'),
          range: [3, 22, 3, 34],
          fixes: remove('--setopt sslverify=no', 'FROM fedora:41\nRUN dnf --setopt=sslverify=0 install -y curl\nRUN yum-config-manager --save --setopt=corp.sslverify=false\nRUN microdnf install curl\n'),
        },
      ],
    },
    {
      name: 'ENV with only the variable: the instruction goes',
      code: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN npm ci\n',
      findings: [{ message: variable('NODE_TLS_REJECT_UNAUTHORIZED=0', 'Node.js'), range: [1, 4, 1, 34], fixes: remove('NODE_TLS_REJECT_UNAUTHORIZED', 'FROM node:22\nRUN npm ci\n') }],
    },
    {
      name: 'ENV with other variables: only the pair goes',
      code: 'FROM node:22\nENV NODE_ENV=production NODE_TLS_REJECT_UNAUTHORIZED="0" PORT=8080\n',
      findings: [
        {
          message: variable('NODE_TLS_REJECT_UNAUTHORIZED=0', 'Node.js'),
          range: [1, 24, 1, 56],
          fixes: remove('NODE_TLS_REJECT_UNAUTHORIZED', 'FROM node:22\nENV NODE_ENV=production PORT=8080\n'),
        },
      ],
    },
    {
      name: 'legacy ENV form, CRLF',
      code: 'FROM python:3.13\r\nENV PYTHONHTTPSVERIFY 0\r\nCMD ["python"]\r\n',
      findings: [{ message: variable('PYTHONHTTPSVERIFY=0', 'Python'), range: [1, 4, 1, 23], fixes: remove('PYTHONHTTPSVERIFY', 'FROM python:3.13\r\nCMD ["python"]\r\n') }],
    },
    {
      name: 'ENV on continuation lines: only the line of the pair goes',
      code: 'FROM debian:12\nENV LANG=C.UTF-8 \\\n    GIT_SSL_NO_VERIFY=1 \\\n    TZ=UTC\n',
      findings: [{ message: variable('GIT_SSL_NO_VERIFY=1', 'git'), range: [2, 4, 2, 23], fixes: remove('GIT_SSL_NO_VERIFY', 'FROM debian:12\nENV LANG=C.UTF-8 \\\n    TZ=UTC\n') }],
    },
    {
      name: 'ARG with a value before FROM, and the last line without a line break',
      code: 'ARG GIT_SSL_NO_VERIFY=\nFROM debian:12\nARG npm_config_strict_ssl=false',
      findings: [
        { message: variable('GIT_SSL_NO_VERIFY=', 'git'), range: [0, 4, 0, 22], fixes: remove('GIT_SSL_NO_VERIFY', 'FROM debian:12\nARG npm_config_strict_ssl=false') },
        { message: variable('npm_config_strict_ssl=false', 'npm'), range: [2, 4, 2, 31], fixes: remove('npm_config_strict_ssl', 'ARG GIT_SSL_NO_VERIFY=\nFROM debian:12') },
      ],
    },
    {
      name: 'other tools\' variables',
      code: 'FROM golang:1.23\nENV GOINSECURE=git.example.com PIP_TRUSTED_HOST=pypi.example.com YARN_ENABLE_STRICT_SSL=false BUNDLE_SSL_VERIFY_MODE=0\n',
      findings: [
        { message: variable('GOINSECURE=git.example.com', 'Go'), range: [1, 4, 1, 30], fixes: remove('GOINSECURE', 'FROM golang:1.23\nENV PIP_TRUSTED_HOST=pypi.example.com YARN_ENABLE_STRICT_SSL=false BUNDLE_SSL_VERIFY_MODE=0\n') },
        { message: variable('PIP_TRUSTED_HOST=pypi.example.com', 'pip'), range: [1, 31, 1, 64], fixes: remove('PIP_TRUSTED_HOST', 'FROM golang:1.23\nENV GOINSECURE=git.example.com YARN_ENABLE_STRICT_SSL=false BUNDLE_SSL_VERIFY_MODE=0\n') },
        { message: variable('YARN_ENABLE_STRICT_SSL=false', 'Yarn'), range: [1, 65, 1, 93], fixes: remove('YARN_ENABLE_STRICT_SSL', 'FROM golang:1.23\nENV GOINSECURE=git.example.com PIP_TRUSTED_HOST=pypi.example.com BUNDLE_SSL_VERIFY_MODE=0\n') },
        { message: variable('BUNDLE_SSL_VERIFY_MODE=0', 'Bundler'), range: [1, 94, 1, 118], fixes: remove('BUNDLE_SSL_VERIFY_MODE', 'FROM golang:1.23\nENV GOINSECURE=git.example.com PIP_TRUSTED_HOST=pypi.example.com YARN_ENABLE_STRICT_SSL=false\n') },
      ],
    },
    {
      name: 'a variable set for one command',
      code: 'FROM debian:12\nRUN GIT_SSL_NO_VERIFY=true git clone https://git.example.com/app.git /src\n',
      findings: [{ message: variable('GIT_SSL_NO_VERIFY=true', 'git'), range: [1, 4, 1, 26], fixes: remove('GIT_SSL_NO_VERIFY', 'FROM debian:12\nRUN git clone https://git.example.com/app.git /src\n') }],
    },
    {
      name: 'a variable set through env, in exec form',
      code: 'FROM node:22\nRUN ["env", "NODE_TLS_REJECT_UNAUTHORIZED=0", "npm", "ci"]\n',
      findings: [{ message: variable('NODE_TLS_REJECT_UNAUTHORIZED=0', 'Node.js'), range: [1, 12, 1, 44], fixes: remove('NODE_TLS_REJECT_UNAUTHORIZED', 'FROM node:22\nRUN ["env", "npm", "ci"]\n') }],
    },
    {
      name: 'export: removable only next to other variables',
      code: 'FROM node:22\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci\nRUN export CI=1 PYTHONHTTPSVERIFY=0 && pip install x\n',
      findings: [
        { message: variable('NODE_TLS_REJECT_UNAUTHORIZED=0', 'Node.js'), range: [1, 11, 1, 41] },
        { message: variable('PYTHONHTTPSVERIFY=0', 'Python'), range: [2, 16, 2, 35], fixes: remove('PYTHONHTTPSVERIFY', 'FROM node:22\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci\nRUN export CI=1 && pip install x\n') },
      ],
    },
    {
      name: 'every stage of a multi-stage build',
      code: 'FROM node:22 AS build\nRUN curl -k https://example.com/x\nFROM node:22-alpine\nRUN wget --no-check-certificate https://example.com/y\n',
      findings: [
        { message: flag('curl -k', '-k'), range: [1, 9, 1, 11], fixes: remove('-k', 'FROM node:22 AS build\nRUN curl https://example.com/x\nFROM node:22-alpine\nRUN wget --no-check-certificate https://example.com/y\n') },
        {
          message: flag('wget --no-check-certificate', '--no-check-certificate'),
          range: [3, 9, 3, 31],
          fixes: remove('--no-check-certificate', 'FROM node:22 AS build\nRUN curl -k https://example.com/x\nFROM node:22-alpine\nRUN wget https://example.com/y\n'),
        },
      ],
    },
  ],
});
