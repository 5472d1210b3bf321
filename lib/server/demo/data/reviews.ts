// The demo organisation's weekly availability reviews: the last few weeks closed at their
// meeting, this week's started. Notes are Markdown, as people type them during the meeting.
import type { Person } from "./organisation";

export interface WeekIncident {
  reference: string;
  title: string;
  postmortemWritten: boolean;
  /** The first follow-up agreed for it, with its owner, if any. */
  followUp: string | null;
}

export interface DemoReview {
  /** 0 = this week, 1 = last week … */
  weeksAgo: number;
  attendees: Person[];
  /** Closed at the meeting (Tuesday 10:30 of the following week), or still open. */
  closed: boolean;
  notes: (incidents: WeekIncident[]) => string;
}

const discussed = (incidents: WeekIncident[]) =>
  incidents.length === 0
    ? "- No incidents this week."
    : incidents
        .map((i) => `- **${i.reference}** ${i.title}.${i.followUp ? ` Follow-up: ${i.followUp}.` : ""}${i.postmortemWritten ? "" : " Postmortem still to be written."}`)
        .join("\n");

export const REVIEWS: readonly DemoReview[] = [
  {
    weeksAgo: 3,
    attendees: ["priya", "sofia", "luca", "tomas", "kwame"],
    closed: true,
    notes: (incidents) => `## Incidents

${discussed(incidents)}

## Other business

- Checkout releases only with two people watching until canaries are live (Luca).
- Search keeps its 28-day window; the indexer lag alert moves from 60 to 30 minutes.`,
  },
  {
    weeksAgo: 2,
    attendees: ["priya", "sofia", "luca", "mei", "jonas"],
    closed: true,
    notes: (incidents) => `## Incidents

${discussed(incidents)}

## Other business

- Overdue risk reviews: owners to review theirs before next week.
- New alerts are tried for two weeks without paging before they page anyone.`,
  },
  {
    weeksAgo: 1,
    attendees: ["priya", "sofia", "tomas", "kwame", "aisha", "jonas"],
    closed: true,
    notes: (incidents) => `## Incidents

${discussed(incidents)}

## Other business

- Second payment provider: integration on track for next month (Tomás).
- Certificate inventory: two certificates still renewed by hand (Ingrid).`,
  },
  {
    weeksAgo: 0,
    attendees: ["priya", "sofia"],
    closed: false,
    notes: () => `## Agenda

- Search in the north, still going on as of writing.
- Risks whose review is overdue.`,
  },
];
