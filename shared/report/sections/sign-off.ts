import { html, thead } from '../html.js';
import { longDate } from '../format.js';
import type { Chapter, ReportInput } from '../report-input.js';

const SIGNERS = ['Customer sponsor', 'Identity architect', 'Active Directory owner', 'Entra ID owner', 'Service desk lead'];

export function signOffChapter(input: ReportInput): Chapter {
  const { details, plan } = input;
  const body = html`<p>By signing, the parties accept this plan, prepared on ${longDate(details.date)}${details.author ? ` by ${details.author}` : ''}
for ${details.customer}, as the basis of the move from Entra Connect Sync to Entra Cloud Sync: its decisions, its phases from ${plan.start}
to ${plan.end}, its checklists and its rollback. Changes to scope or dates after sign-off are agreed in writing and the plan is reissued.</p>
<table class="signatures">
  ${thead([{ label: 'Role', width: 25 }, { label: 'Name', width: 25 }, { label: 'Signature', width: 30 }, { label: 'Date', width: 20 }])}
  <tbody>${SIGNERS.map((role) => html`<tr><td>${role}</td><td></td><td></td><td></td></tr>`)}</tbody>
</table>`;
  return { id: 'sign-off', title: 'Sign-off', body, entries: [] };
}
