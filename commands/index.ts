import type { CommandModule } from "../src/discord/command.ts";
import { command as agency } from "./agency.ts";
import { command as ask } from "./ask.ts";
import { command as assignments } from "./assignments.ts";
import { command as certificate } from "./certificate.ts";
import { command as checkin } from "./checkin.ts";
import { command as checkout } from "./checkout.ts";
import { command as competency } from "./competency.ts";
import { command as helpdesk } from "./helpdesk.ts";
import { command as join } from "./join.ts";
import { command as presentation } from "./presentation.ts";
import { command as profile } from "./profile.ts";
import { command as program } from "./program.ts";
import { command as project } from "./project.ts";
import { command as report } from "./report.ts";
import { command as review } from "./review.ts";
import { command as submission } from "./submission.ts";
import { command as submit } from "./submit.ts";
import { command as taiken } from "./taiken.ts";
import { command as team } from "./team.ts";
import { command as withdraw } from "./withdraw.ts";

/**
 * Every slash command, once. The router dispatches on this list and `scripts/deploy-commands.ts`
 * deploys exactly these definitions; adding a command means adding its module here.
 */
export const commands: readonly CommandModule[] = [
  taiken,
  program,
  assignments,
  project,
  withdraw,
  agency,
  join,
  profile,
  checkin,
  checkout,
  report,
  submit,
  submission,
  review,
  presentation,
  team,
  competency,
  certificate,
  ask,
  helpdesk,
];
