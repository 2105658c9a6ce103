import { testRule } from '../../helpers/ruleTester';

const runs = (downloader: string, runner: string) =>
  `${downloader} downloads a script that ${runner} runs without any verification. Download it to a file, check its checksum, then run it.`;

testRule('dockerfile/pipe-to-shell', 'dockerfile', {
  valid: [
    {
      name: 'download, verify, then run',
      code: 'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && echo "abc  /tmp/i.sh" | sha256sum -c - && sh /tmp/i.sh\n',
    },
    { name: 'piped into tar', code: 'FROM debian:12\nRUN curl -fsSL https://example.com/x.tar.gz | tar -xz -C /opt\n' },
    { name: 'piped into gpg', code: 'FROM debian:12\nRUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg\n' },
    { name: 'piped into python -c reading JSON', code: 'FROM python:3.13\nRUN curl -s https://example.com/v.json | python3 -c "import json,sys; print(json.load(sys.stdin))"\n' },
    { name: 'piped into python -m json.tool', code: 'FROM python:3.13\nRUN curl -s https://example.com/v.json | python3 -m json.tool\n' },
    { name: 'piped into a shell that runs a script file', code: 'FROM debian:12\nRUN curl -s https://example.com/v.txt | bash ./consume.sh\n' },
    { name: 'piped into sh -c with its own script', code: "FROM debian:12\nRUN curl -s https://example.com/v.txt | sh -c 'cat > /tmp/v'\n" },
    { name: 'a substitution used as data', code: 'FROM debian:12\nRUN echo "$(curl -s https://example.com/version)" > /VERSION\n' },
    { name: 'a substitution as an argument of a script file', code: 'FROM debian:12\nRUN bash ./install.sh "$(curl -s https://example.com/version)"\n' },
    { name: 'process substitution into diff', code: 'FROM debian:12\nRUN diff <(curl -s https://example.com/a) /etc/a\n' },
    { name: 'a shell pipeline without a downloader', code: 'FROM debian:12\nRUN cat /tmp/install.sh | sh\n' },
    { name: 'curl in a comment line inside a continuation', code: 'FROM debian:12\nRUN apt-get update \\\n# curl https://example.com/i.sh | sh\n && apt-get install -y curl\n' },
  ],
  invalid: [
    { name: 'curl | sh', code: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh\n', findings: [{ message: runs('curl', 'sh'), range: [1, 4, 1, 8] }] },
    { name: 'wget -O- | bash', code: 'FROM debian:12\nRUN wget -qO- https://example.com/install.sh | bash\n', findings: [{ message: runs('wget', 'bash'), range: [1, 4, 1, 8] }] },
    {
      name: 'through sudo, with arguments for the script',
      code: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sudo -E bash -s -- --yes\n',
      findings: [{ message: runs('curl', 'bash') , range: [1, 4, 1, 8] }],
    },
    {
      name: 'through tee, reported once for the pipeline',
      code: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | tee /tmp/install.sh | sh -\n',
      findings: [{ message: runs('curl', 'sh'), range: [1, 4, 1, 8] }],
    },
    { name: 'curl by path, into python reading stdin', code: 'FROM python:3.13\nRUN /usr/bin/curl -sSL https://bootstrap.pypa.io/get-pip.py | python3 -\n', findings: [{ message: runs('curl', 'python3'), range: [1, 4, 1, 17] }] },
    { name: 'busybox wget into busybox sh', code: 'FROM busybox:1.36\nRUN busybox wget -O - https://example.com/i.sh | busybox sh\n', findings: [{ message: runs('wget', 'sh'), range: [1, 12, 1, 16] }] },
    { name: 'bash <(curl …)', code: 'FROM debian:12\nRUN bash <(curl -fsSL https://example.com/install.sh)\n', findings: [{ message: runs('curl', 'bash'), range: [1, 11, 1, 15] }] },
    { name: '. <(curl …)', code: 'FROM debian:12\nRUN . <(curl -fsSL https://example.com/env.sh)\n', findings: [{ message: runs('curl', 'source'), range: [1, 8, 1, 12] }] },
    { name: 'source <(wget …)', code: 'FROM debian:12\nRUN source <(wget -qO- https://example.com/env.sh)\n', findings: [{ message: runs('wget', 'source'), range: [1, 13, 1, 17] }] },
    { name: 'sh -c "$(curl …)"', code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://example.com/install.sh)"\n', findings: [{ message: runs('curl', 'sh'), range: [1, 13, 1, 17] }] },
    { name: 'eval "$(curl …)"', code: 'FROM debian:12\nRUN eval "$(curl -fsSL https://example.com/env.sh)"\n', findings: [{ message: runs('curl', 'eval'), range: [1, 12, 1, 16] }] },
    { name: 'echo "$(curl …)" | sh', code: 'FROM debian:12\nRUN echo "$(curl -fsSL https://example.com/i.sh)" | sh\n', findings: [{ message: runs('curl', 'sh'), range: [1, 12, 1, 16] }] },
    {
      name: 'exec form sh -c with a pipeline',
      code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "curl -fsSL https://example.com/i.sh | sh"]\n',
      findings: [{ message: runs('curl', 'sh'), range: [1, 23, 1, 27] }],
    },
    {
      name: 'exec form sh -c with a command substitution as the command',
      code: 'FROM debian:12\nRUN ["sh", "-c", "$(curl -fsSL https://example.com/i.sh)"]\n',
      findings: [{ message: runs('curl', 'sh'), range: [1, 20, 1, 24] }],
    },
    {
      name: 'inside a single-quoted bash -c string',
      code: "FROM debian:12\nRUN bash -c 'curl -fsSL https://example.com/i.sh | bash'\n",
      findings: [{ message: runs('curl', 'bash'), range: [1, 13, 1, 17] }],
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\nset -eux\ncurl -fsSL https://example.com/i.sh | sh\nEOF\n',
      findings: [{ message: runs('curl', 'sh'), range: [3, 0, 3, 4] }],
    },
    {
      name: 'continuation lines with a comment line inside, CRLF',
      code: 'FROM debian:12\r\nRUN apt-get update \\\r\n# install the tool\r\n && curl -fsSL https://example.com/i.sh \\\r\n    | bash\r\n',
      findings: [{ message: runs('curl', 'bash'), range: [3, 4, 3, 8] }],
    },
    {
      name: 'escape directive',
      code: '# escape=`\nFROM debian:12\nRUN curl -fsSL https://example.com/i.sh `\n  | sh\n',
      findings: [{ message: runs('curl', 'sh'), range: [2, 4, 2, 8] }],
    },
    {
      name: 'two pipelines, two findings, in every stage',
      code: 'FROM debian:12 AS tools\nRUN curl -fsSL https://a.example/i.sh | sh && wget -qO- https://b.example/i.sh | sh\nFROM debian:12\nRUN curl https://c.example/i.sh | bash\n',
      findings: [
        { message: runs('curl', 'sh'), range: [1, 4, 1, 8] },
        { message: runs('wget', 'sh'), range: [1, 46, 1, 50] },
        { message: runs('curl', 'bash'), range: [3, 4, 3, 8] },
      ],
    },
  ],
});
