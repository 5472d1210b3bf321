import Link from "next/link";
import { formatMaintenance, formatPercent, formatWindow } from "@/components/format";
import type { ServiceDto } from "@/lib/query/types";

/** The service list. Inherited values are marked, so overrides stand out in a review. */
export function ServicesTable({ services, caption }: { services: ServiceDto[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name and slug</th>
            <th scope="col">Tier</th>
            <th scope="col" className="num">SLO target</th>
            <th scope="col">Window</th>
            <th scope="col">Maintenance</th>
            <th scope="col">Owner</th>
            <th scope="col">Depends on</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.id} className={s.archived ? "row-archived" : undefined}>
              <td className="cell-title">
                <Link prefetch={false} href={`/services/${s.slug}`}>{s.name}</Link>
                {s.archived && <span className="badge">archived</span>}
                <code className="cell-sub">{s.slug}</code>
              </td>
              <td className="cell-tier">
                <Link prefetch={false} href={`/services?tier=${s.tier.rank}`} className="tier-badge">
                  Tier {s.tier.rank}
                </Link>
                <span className="inherited">{s.tier.name}</span>
              </td>
              <td className="num">
                {formatPercent(s.sloTarget)}
                {s.overrides.sloTarget === null && <span className="inherited">from tier</span>}
              </td>
              <td>
                {formatWindow(s.sloWindow)}
                {s.overrides.sloWindow === null && <span className="inherited">from tier</span>}
              </td>
              <td>
                {formatMaintenance(s.maintenance)}
                {s.overrides.maintenance === null && <span className="inherited">from tier</span>}
              </td>
              <td>{s.owner || <span className="muted">—</span>}</td>
              <td>
                {s.dependsOn.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ul className="chip-list" aria-label={`${s.name} depends on`}>
                    {s.dependsOn.map((slug) => (
                      <li key={slug}>
                        <Link className="chip" prefetch={false} href={`/services/${slug}`}>
                          {slug}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
