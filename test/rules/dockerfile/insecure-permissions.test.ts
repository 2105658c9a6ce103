import { testRule } from '../../helpers/ruleTester';

testRule('dockerfile/insecure-permissions', 'dockerfile', {
  valid: [
    { name: 'ordinary numeric modes', code: 'FROM alpine:3.20\nRUN chmod 755 /app && chmod 644 /app/conf && chmod 0755 /bin/x && chmod -R 775 /shared && chmod 0 /secret\n' },
    { name: 'ordinary symbolic modes', code: 'FROM alpine:3.20\nRUN chmod u+x /a && chmod +x /b && chmod g+w /c && chmod o-w /d && chmod u-s /e && chmod a-w /f && chmod -w /g\n' },
    { name: 'chmod +w honours the umask', code: 'FROM alpine:3.20\nRUN chmod +w /app/cache\n' },
    { name: 'world-writable with the sticky bit, like /tmp', code: 'FROM alpine:3.20\nRUN chmod 1777 /scratch && chmod a+rwxt /shared\n' },
    { name: 'modes that Ballast cannot see', code: 'FROM alpine:3.20\nARG MODE=700\nRUN chmod "$MODE" /a && chmod --reference=/etc/hosts /b\nCOPY --chmod=$MODE a /a\n' },
    { name: 'COPY --chmod with a safe mode', code: 'FROM alpine:3.20\nCOPY --chmod=755 tool /usr/local/bin/tool\nADD --chmod=644 conf /etc/app.conf\n' },
    { name: 'mkdir and install without a mode', code: 'FROM alpine:3.20\nRUN mkdir -p /data && install -d /var/lib/app\n' },
    { name: 'chmod as an argument of another program', code: 'FROM alpine:3.20\nRUN echo chmod 777 /x\n' },
    { name: 'suppressed with a reason', code: 'FROM alpine:3.20\n# ballast-ignore dockerfile/insecure-permissions -- ping needs setuid here\nRUN chmod u+s /bin/ping\n' },
  ],
  invalid: [
    {
      name: 'chmod -R 777 (the documented example)',
      code: 'FROM alpine:3.20\nCOPY app /app\nRUN chmod -R 777 /app\n',
      findings: [
        {
          message: 'chmod 777 makes the files world-writable, so any process in the container can change them. Use 775 instead.',
          range: [2, 13, 2, 16],
          fixes: [
            { title: 'Use mode 775', kind: 'suggestion', output: 'FROM alpine:3.20\nCOPY app /app\nRUN chmod -R 775 /app\n' },
          ],
        },
      ],
    },
    {
      name: 'other world-writable numeric modes keep their width',
      code: 'FROM alpine:3.20\nRUN chmod 666 /a && chmod 0777 /b && chmod 7 /c\n',
      findings: [
        {
          message: 'chmod 666 makes the files world-writable, so any process in the container can change them. Use 664 instead.',
          range: [1, 10, 1, 13],
          fixes: [
            { title: 'Use mode 664', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN chmod 664 /a && chmod 0777 /b && chmod 7 /c\n' },
          ],
        },
        {
          message: 'chmod 0777 makes the files world-writable, so any process in the container can change them. Use 0775 instead.',
          range: [1, 26, 1, 30],
          fixes: [
            { title: 'Use mode 0775', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN chmod 666 /a && chmod 0775 /b && chmod 7 /c\n' },
          ],
        },
        {
          message: 'chmod 7 makes the files world-writable, so any process in the container can change them. Use 5 instead.',
          range: [1, 43, 1, 44],
          fixes: [
            { title: 'Use mode 5', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN chmod 666 /a && chmod 0777 /b && chmod 5 /c\n' },
          ],
        },
      ],
    },
    {
      name: 'setuid and setgid numeric modes',
      code: 'FROM alpine:3.20\nRUN chmod 4755 /usr/local/bin/a && chmod 2755 /b && chmod 6777 /c\n',
      findings: [
        {
          message: 'chmod 4755 makes the files setuid, so they run with raised privileges. Use 755 instead.',
          range: [1, 10, 1, 14],
          fixes: [
            { title: 'Use mode 755', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN chmod 755 /usr/local/bin/a && chmod 2755 /b && chmod 6777 /c\n' },
          ],
        },
        {
          message: 'chmod 2755 makes the files setgid, so they run with raised privileges. Use 755 instead.',
          range: [1, 41, 1, 45],
          fixes: [
            { title: 'Use mode 755', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN chmod 4755 /usr/local/bin/a && chmod 755 /b && chmod 6777 /c\n' },
          ],
        },
        {
          message: 'chmod 6777 makes the files world-writable, setuid and setgid, so any process in the container can change them and they run with raised privileges. Use 775 instead.',
          range: [1, 58, 1, 62],
          fixes: [
            { title: 'Use mode 775', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN chmod 4755 /usr/local/bin/a && chmod 2755 /b && chmod 775 /c\n' },
          ],
        },
      ],
    },
    {
      name: 'symbolic modes: no numeric fix',
      code: 'FROM alpine:3.20\nRUN chmod u+s,g+s /a && chmod +s /b && chmod a+w /c && chmod go+w /d && chmod o=rwx /e\n',
      findings: [
        { message: 'chmod u+s,g+s makes the files setuid and setgid, so they run with raised privileges. Remove the setuid and setgid bits.', range: [1, 10, 1, 17] },
        { message: 'chmod +s makes the files setuid and setgid, so they run with raised privileges. Remove the setuid and setgid bits.', range: [1, 30, 1, 32] },
        { message: 'chmod a+w makes the files world-writable, so any process in the container can change them. Remove the write bit for others.', range: [1, 45, 1, 48] },
        { message: 'chmod go+w makes the files world-writable, so any process in the container can change them. Remove the write bit for others.', range: [1, 61, 1, 65] },
        { message: 'chmod o=rwx makes the files world-writable, so any process in the container can change them. Remove the write bit for others.', range: [1, 78, 1, 83] },
      ],
    },
    {
      name: 'COPY and ADD --chmod',
      code: 'FROM alpine:3.20\nCOPY --chmod=777 app /app\nADD --chown=10001 --chmod=+w conf /etc/app\nCOPY --chmod=4755 tool /usr/local/bin/tool\n',
      findings: [
        {
          message: 'COPY --chmod=777 makes the files world-writable, so any process in the container can change them. Use 775 instead.',
          range: [1, 13, 1, 16],
          fixes: [
            { title: 'Use mode 775', kind: 'suggestion', output: 'FROM alpine:3.20\nCOPY --chmod=775 app /app\nADD --chown=10001 --chmod=+w conf /etc/app\nCOPY --chmod=4755 tool /usr/local/bin/tool\n' },
          ],
        },
        { message: 'ADD --chmod=+w makes the files world-writable, so any process in the container can change them. Remove the write bit for others.', range: [2, 26, 2, 28] },
        {
          message: 'COPY --chmod=4755 makes the files setuid, so they run with raised privileges. Use 755 instead.',
          range: [3, 13, 3, 17],
          fixes: [
            { title: 'Use mode 755', kind: 'suggestion', output: 'FROM alpine:3.20\nCOPY --chmod=777 app /app\nADD --chown=10001 --chmod=+w conf /etc/app\nCOPY --chmod=755 tool /usr/local/bin/tool\n' },
          ],
        },
      ],
    },
    {
      name: 'exec form: the fix stays inside the JSON string',
      code: 'FROM alpine:3.20\nRUN ["chmod", "666", "/data"]\n',
      findings: [
        {
          message: 'chmod 666 makes the files world-writable, so any process in the container can change them. Use 664 instead.',
          range: [1, 15, 1, 18],
          fixes: [
            { title: 'Use mode 664', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN ["chmod", "664", "/data"]\n' },
          ],
        },
      ],
    },
    {
      name: 'mkdir -m, install -m and --mode',
      code: 'FROM alpine:3.20\nRUN mkdir -p -m 777 /data && install -m4755 tool /usr/local/bin/ && install --mode=2775 -d /shared\n',
      findings: [
        {
          message: 'mkdir -m 777 makes the directories world-writable, so any process in the container can change them. Use 775 instead.',
          range: [1, 16, 1, 19],
          fixes: [
            { title: 'Use mode 775', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN mkdir -p -m 775 /data && install -m4755 tool /usr/local/bin/ && install --mode=2775 -d /shared\n' },
          ],
        },
        {
          message: 'install -m4755 makes the files setuid, so they run with raised privileges. Use 755 instead.',
          range: [1, 39, 1, 43],
          fixes: [
            { title: 'Use mode 755', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN mkdir -p -m 777 /data && install -m755 tool /usr/local/bin/ && install --mode=2775 -d /shared\n' },
          ],
        },
        {
          message: 'install --mode=2775 makes the files setgid, so they run with raised privileges. Use 775 instead.',
          range: [1, 83, 1, 87],
          fixes: [
            { title: 'Use mode 775', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN mkdir -p -m 777 /data && install -m4755 tool /usr/local/bin/ && install --mode=775 -d /shared\n' },
          ],
        },
      ],
    },
    {
      name: 'find -exec chmod, sudo and a quoted mode',
      code: 'FROM alpine:3.20\nRUN find /app -type d -exec chmod 777 {} + && sudo chmod \'666\' /etc/app.conf\n',
      findings: [
        {
          message: 'chmod 777 makes the files world-writable, so any process in the container can change them. Use 775 instead.',
          range: [1, 34, 1, 37],
          fixes: [
            { title: 'Use mode 775', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN find /app -type d -exec chmod 775 {} + && sudo chmod \'666\' /etc/app.conf\n' },
          ],
        },
        {
          message: 'chmod 666 makes the files world-writable, so any process in the container can change them. Use 664 instead.',
          range: [1, 58, 1, 61],
          fixes: [
            { title: 'Use mode 664', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN find /app -type d -exec chmod 777 {} + && sudo chmod \'664\' /etc/app.conf\n' },
          ],
        },
      ],
    },
    {
      name: 'heredoc and sh -c',
      code: 'FROM alpine:3.20\nRUN <<EOF\nchmod o+w /var/log/app\nEOF\nRUN sh -c "chmod 777 /tmp/cache"\n',
      findings: [
        { message: 'chmod o+w makes the files world-writable, so any process in the container can change them. Remove the write bit for others.', range: [2, 6, 2, 9] },
        {
          message: 'chmod 777 makes the files world-writable, so any process in the container can change them. Use 775 instead.',
          range: [4, 17, 4, 20],
          fixes: [
            { title: 'Use mode 775', kind: 'suggestion', output: 'FROM alpine:3.20\nRUN <<EOF\nchmod o+w /var/log/app\nEOF\nRUN sh -c "chmod 775 /tmp/cache"\n' },
          ],
        },
      ],
    },
    {
      name: 'backtick escape, CRLF and a comment line inside the continuation',
      code: '# escape=`\r\nFROM alpine:3.20\r\nRUN chmod `\r\n    # everything, for now\r\n    6777 `\r\n    /srv\r\n',
      findings: [
        {
          message: 'chmod 6777 makes the files world-writable, setuid and setgid, so any process in the container can change them and they run with raised privileges. Use 775 instead.',
          range: [4, 4, 4, 8],
          fixes: [
            { title: 'Use mode 775', kind: 'suggestion', output: '# escape=`\r\nFROM alpine:3.20\r\nRUN chmod `\r\n    # everything, for now\r\n    775 `\r\n    /srv\r\n' },
          ],
        },
      ],
    },
    {
      name: 'builder stages are checked: COPY --from keeps the mode',
      code: 'FROM golang:1.23 AS build\nRUN go build -o /out/app . && chmod 777 /out/app\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n',
      findings: [
        {
          message: 'chmod 777 makes the files world-writable, so any process in the container can change them. Use 775 instead.',
          range: [1, 36, 1, 39],
          fixes: [
            { title: 'Use mode 775', kind: 'suggestion', output: 'FROM golang:1.23 AS build\nRUN go build -o /out/app . && chmod 775 /out/app\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n' },
          ],
        },
      ],
    },
  ],
});
