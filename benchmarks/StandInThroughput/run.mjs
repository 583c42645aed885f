// DescribeImages (a 20-image page, signature verified) through the stand-in, against a floor that answers the same
// bytes with no library (benchmarks/FixedResponseFloor), side by side: requests/s and p99 latency, 32 connections.
// Build first: dotnet build -c Release samples/ImageApi and dotnet build -c Release benchmarks/FixedResponseFloor; then: npm ci && npm run bench
// Options (environment): BENCH_SECONDS, BENCH_ROUNDS, BENCH_WARMUP_SECONDS, and BENCH_SERVER_CPUS / BENCH_LOAD_CPUS to pin the servers and
// this load generator to different cores with taskset (e.g. 0 and 1); see README.md.
import { execFileSync, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import tencentcloud from "tencentcloud-sdk-nodejs-cvm";

const root = path.resolve(import.meta.dirname, "../..");
const fromCvm = createRequire(createRequire(import.meta.url).resolve("tencentcloud-sdk-nodejs-cvm"));
const Sign = createRequire(fromCvm.resolve("tencentcloud-sdk-nodejs-common"))("./common/sign.js").default;
const key = { secretId: "AKIDthroughput1038493875", secretKey: "throughput-secret" };
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const warmUpSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const serverCpus = process.env.BENCH_SERVER_CPUS;
const loadCpus = process.env.BENCH_LOAD_CPUS;

const freePort = () => new Promise((resolve) => { const s = createServer().listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
const start = async (dll, args) => {
  const port = await freePort();
  const command = ["dotnet", path.join(root, dll), "--urls", `http://127.0.0.1:${port}`, "--Logging:LogLevel:Default=Warning", ...args];
  // taskset execs the server, so the child's pid is the server's (its CPU time is read from /proc below).
  const child = serverCpus ? spawn("taskset", ["-c", serverCpus, ...command], { stdio: "ignore" }) : spawn(command[0], command.slice(1), { stdio: "ignore" });
  for (let i = 0; i < 200; i++) {
    try { await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "{}" }); return { port, child }; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`${dll} did not start`);
};

const dir = mkdtempSync(path.join(tmpdir(), "imagerules-throughput-"));
const world = path.join(dir, "world.json");
writeFileSync(world, JSON.stringify({ profile: "Provider2025", accounts: [{ id: "1038493875", homeRegion: "ap-guangzhou", root: true, credentials: [key] }] }));
const standIn = await start("samples/ImageApi/bin/Release/net10.0/ImageApi.dll", ["--world", world, "--ready-after", "0"]);
const endpoint = `127.0.0.1:${standIn.port}`;
const client = new tencentcloud.cvm.v20170312.Client({ credential: key, region: "ap-guangzhou", profile: { httpProfile: { endpoint, protocol: "http://" } } });
for (let i = 0; i < 20; i++) await client.CreateImage({ InstanceId: "ins-2zvx0a1b", ImageName: `image-${i}` });

// One request signed once, as the SDK signs it, replayed for the whole run (the signature holds for 300 s).
const data = { Filters: [{ Name: "image-type", Values: ["PRIVATE_IMAGE"] }], Limit: 20 };
const timestamp = Math.floor(Date.now() / 1000);
const headers = { "Content-Type": "application/json" };
const authorization = Sign.sign3({ method: "POST", url: `http://${endpoint}/`, payload: data, timestamp, service: "127", secretId: key.secretId, secretKey: key.secretKey, multipart: false, boundary: undefined, headers });
const request = {
  method: "POST", body: JSON.stringify(data),
  headers: { ...headers, Host: endpoint, "X-TC-Action": "DescribeImages", "X-TC-Timestamp": String(timestamp), "X-TC-Version": "2017-03-12", "X-TC-Region": "ap-guangzhou", Authorization: authorization },
};
const answer = await (await fetch(`http://${endpoint}/`, request)).text();
const page = JSON.parse(answer).Response;
if (page.Error || page.ImageSet.length !== 20) throw new Error(`the stand-in did not answer a 20-image page: ${answer.slice(0, 200)}`);
const bodyFile = path.join(dir, "body.json");
writeFileSync(bodyFile, answer);
const floor = await start("benchmarks/FixedResponseFloor/bin/Release/net10.0/FixedResponseFloor.dll", ["--body", bodyFile]);

// Pinned only now, so that the servers started above do not inherit this process's cores; -a pins every thread.
if (loadCpus) execFileSync("taskset", ["-a", "-p", "-c", loadCpus, String(process.pid)], { stdio: "ignore" });
const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"]).toString());
// The server's CPU seconds so far (user + system), from /proc/PID/stat (fields 14 and 15, after the command's ")").
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
};
const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ")[0];

const load = (port, duration = seconds) => new Promise((resolve, reject) => autocannon(
  { url: `http://127.0.0.1:${port}/`, connections: 32, duration, method: "POST", body: request.body, headers: request.headers },
  (error, result) => (error ? reject(error) : resolve(result))));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = { standIn: [], floor: [] };
const stop = () => { standIn.child.kill(); floor.child.kill(); };
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => { stop(); process.exit(1); });
try {
  // Unrecorded: the servers' code is jitted and tiered up before any round counts (the first round was slower otherwise).
  if (warmUpSeconds > 0) for (const server of [standIn, floor]) await load(server.port, warmUpSeconds);
  for (let round = 0; round < rounds; round++) {
    for (const [name, server] of [["standIn", standIn], ["floor", floor]]) {
      const [serverBefore, loadBefore, before] = [cpuSeconds(server.child.pid), process.cpuUsage(), loadAverage()];
      const result = await load(server.port);
      if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
      const loadCpu = process.cpuUsage(loadBefore);
      const run = {
        rps: result.requests.average, p99: result.latency.p99,
        serverCpuUs: (1e6 * (cpuSeconds(server.child.pid) - serverBefore)) / result.requests.total,
        loadBusy: (loadCpu.user + loadCpu.system) / 1e6 / result.duration,
      };
      runs[name].push(run);
      console.error(`round ${round + 1} ${name}: ${Math.round(run.rps)} req/s, p99 ${run.p99} ms, server ${run.serverCpuUs.toFixed(1)} µs CPU/request, load generator ${(100 * run.loadBusy).toFixed(0)} % of a core; 1-min load ${before} → ${loadAverage()}`);
    }
  }
} finally {
  stop();
}

const row = (name, rs) => ({ name, ...Object.fromEntries(["rps", "p99", "serverCpuUs", "loadBusy"].map((k) => [k, median(rs.map((r) => r[k]))])) });
const [s, f] = [row("stand-in (DescribeImages, 20 images, TC3 verified)", runs.standIn), row("floor (same bytes, no library)", runs.floor)];
console.log(`pinning: servers on ${serverCpus ?? "any core"}, load generator on ${loadCpus ?? "any core"}`);
console.log(`| Server | requests/s (median of ${rounds} × ${seconds} s) | p99 latency | server CPU per request | load generator busy |`);
console.log("|---|---:|---:|---:|---:|");
for (const r of [s, f]) console.log(`| ${r.name} | ${Math.round(r.rps)} | ${r.p99} ms | ${r.serverCpuUs.toFixed(1)} µs | ${(100 * r.loadBusy).toFixed(0)} % |`);
console.log(`stand-in / floor: ${(100 * s.rps / f.rps).toFixed(1)} % of the floor's requests/s (target ≥ 70 %); answer ${Buffer.byteLength(answer)} bytes`);
