/** `npm run bench`: every benchmark, each printed beside its baseline measured in the same run. */
import { benchAnatomy } from './anatomy.ts';
import { benchBundle } from './bundle.ts';
import { benchHttp } from './http.ts';
import { benchLogin } from './login.ts';
import { benchOrchestration } from './orchestration.ts';
import { benchPlanner } from './planner.ts';
import { benchRead } from './read.ts';
import { benchSearch } from './search.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
console.log(`# onething benchmarks (node ${process.version}, about ${seconds} s per section; BENCH_SECONDS to change)`);
const results = [await benchPlanner(seconds), await benchOrchestration(seconds), await benchHttp(seconds), await benchLogin(Math.min(seconds, 6)), await benchRead(seconds), await benchSearch(Math.min(seconds, 6)), await benchBundle()];
// Last: it times SQLite inside this process, which the other sections must not pay for.
await benchAnatomy(seconds / 2);
console.log(results.every(Boolean) ? '\nAll targets met.' : '\nSome targets were not met (see above).');
