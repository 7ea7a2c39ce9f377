/** `agencies` suite (issue 15): each part's rows come from its own file under scripts/bench/agencies/. */

import { certificateRows } from "./agencies/certificates.ts";
import type { BenchSuite } from "./types.ts";

const agencies: BenchSuite = async () => [...(await certificateRows())];

export default agencies;
