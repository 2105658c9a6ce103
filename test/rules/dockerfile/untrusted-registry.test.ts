import { testRule } from '../../helpers/ruleTester';

const trusting = (...trustedRegistries: string[]) => ({ trustedRegistries });
const message = (image: string, trusted: string) =>
  `Base image ${image} is not from a trusted registry (ballast.trustedRegistries: ${trusted}). Use an image from a trusted registry, or add its registry to the setting.`;

testRule('dockerfile/untrusted-registry', 'dockerfile', {
  valid: [
    { name: 'silent while the setting is empty', code: 'FROM evil.example.com/app:1\n' },
    { name: 'silent when the setting holds only blanks', code: 'FROM evil.example.com/app:1\n', settings: trusting('  ') },
    { name: 'a trusted host', code: 'FROM ghcr.io/acme/app:1\n', settings: trusting('ghcr.io') },
    { name: 'hosts compare case-insensitively', code: 'FROM GHCR.io/acme/app:1\n', settings: trusting('ghcr.IO') },
    { name: 'a trusted host and path prefix', code: 'FROM ghcr.io/my-org/team/app:1\n', settings: trusting('ghcr.io/my-org') },
    { name: 'an entry with a scheme and a trailing slash', code: 'FROM ghcr.io/my-org/app:1\n', settings: trusting('https://ghcr.io/my-org/') },
    { name: 'a host with a port', code: 'FROM localhost:5000/app:1\n', settings: trusting('localhost:5000') },
    { name: 'a glob for every ECR registry', code: 'FROM 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1\n', settings: trusting('*.dkr.ecr.*.amazonaws.com') },
    { name: 'Docker Hub without a registry counts as docker.io', code: 'FROM node:22\nFROM bitnami/redis:7\n', settings: trusting('docker.io') },
    { name: 'Docker Hub aliases count as docker.io', code: 'FROM index.docker.io/library/node:22\nFROM registry-1.docker.io/bitnami/redis:7\n', settings: trusting('docker.io') },
    { name: 'an alias in the setting counts as docker.io', code: 'FROM docker.io/node:22\n', settings: trusting('index.docker.io') },
    { name: 'official images live under docker.io/library', code: 'FROM node:22\nFROM docker.io/library/python:3.13\n', settings: trusting('docker.io/library') },
    { name: 'one of several entries', code: 'FROM quay.io/prometheus/node-exporter:v1.8.2\n', settings: trusting('ghcr.io', 'quay.io/prometheus') },
    { name: 'scratch and earlier stages are exempt', code: 'FROM ghcr.io/acme/go:1 AS build\nFROM build AS test\nFROM scratch\n', settings: trusting('ghcr.io/acme') },
    { name: 'registry through an ARG default', code: 'ARG REGISTRY=ghcr.io/acme\nFROM ${REGISTRY}/app:1\n', settings: trusting('ghcr.io') },
    { name: 'an ARG without a default may hold the registry', code: 'ARG BASE\nFROM ${BASE}/app:1\n', settings: trusting('ghcr.io') },
    { name: 'a path segment still a variable gets the benefit of the doubt', code: 'ARG ORG\nFROM ghcr.io/${ORG}/app:1\n', settings: trusting('ghcr.io/my-org') },
    { name: 'an unresolved tag does not hide a trusted registry', code: 'ARG TAG\nFROM ghcr.io/acme/app:${TAG}\n', settings: trusting('ghcr.io/acme') },
  ],
  invalid: [
    {
      name: 'Docker Hub image when only a private registry is trusted: the whole image is marked',
      code: 'FROM node:22-alpine\n',
      settings: trusting('registry.example.com'),
      findings: [{ message: message('node:22-alpine on docker.io', 'registry.example.com'), range: [0, 5, 0, 19] }],
    },
    {
      name: 'a written registry: only the registry is marked',
      code: 'FROM quay.io/prometheus/prometheus:v2.53.0 AS metrics\n',
      settings: trusting('ghcr.io', 'docker.io'),
      findings: [{ message: message('quay.io/prometheus/prometheus:v2.53.0', 'ghcr.io, docker.io'), range: [0, 5, 0, 12] }],
    },
    {
      name: 'a path prefix matches whole segments',
      code: 'FROM ghcr.io/my-org-fork/app:1\n',
      settings: trusting('ghcr.io/my-org'),
      findings: [{ message: message('ghcr.io/my-org-fork/app:1', 'ghcr.io/my-org'), range: [0, 5, 0, 12] }],
    },
    {
      name: 'a path prefix longer than the repository',
      code: 'FROM ghcr.io/my-org\n',
      settings: trusting('ghcr.io/my-org/images'),
      findings: [{ message: message('ghcr.io/my-org', 'ghcr.io/my-org/images'), range: [0, 5, 0, 12] }],
    },
    {
      name: 'docker.io/library does not trust other Docker Hub namespaces',
      code: 'FROM bitnami/redis:7\n',
      settings: trusting('docker.io/library'),
      findings: [{ message: message('bitnami/redis:7 on docker.io', 'docker.io/library'), range: [0, 5, 0, 20] }],
    },
    {
      name: 'a glob does not cross a slash',
      code: 'FROM evil.example.com/dkr.ecr.x.amazonaws.com/app:1\n',
      settings: trusting('*.dkr.ecr.*.amazonaws.com'),
      findings: [{ message: message('evil.example.com/dkr.ecr.x.amazonaws.com/app:1', '*.dkr.ecr.*.amazonaws.com'), range: [0, 5, 0, 21] }],
    },
    {
      name: 'a port is part of the host',
      code: 'FROM localhost:5000/app:1\n',
      settings: trusting('localhost'),
      findings: [{ message: message('localhost:5000/app:1', 'localhost'), range: [0, 5, 0, 19] }],
    },
    {
      name: 'registry through an ARG default, CRLF: the image is marked',
      code: 'ARG REGISTRY=evil.example.com\r\nFROM ${REGISTRY}/app:1\r\n',
      settings: trusting('ghcr.io'),
      findings: [{ message: message('evil.example.com/app:1', 'ghcr.io'), range: [1, 5, 1, 22] }],
    },
    {
      name: 'every stage of a multi-stage build',
      code: 'FROM golang:1.23 AS build\nFROM build AS test\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n',
      settings: trusting('ghcr.io'),
      findings: [
        { message: message('golang:1.23 on docker.io', 'ghcr.io'), range: [0, 5, 0, 16] },
        { message: message('gcr.io/distroless/static:nonroot', 'ghcr.io'), range: [2, 5, 2, 11] },
      ],
    },
    {
      name: 'escape directive and a continuation inside FROM',
      code: '# escape=`\nFROM `\n  quay.io/app:1\n',
      settings: trusting('ghcr.io'),
      findings: [{ message: message('quay.io/app:1', 'ghcr.io'), range: [2, 2, 2, 9] }],
    },
  ],
});
