#!/usr/bin/env python3
"""The inbox page over HTTP (issue 13): median and p95 of 100 requests per filter after warm-up, and the CSV.
Needs a running portal whose signed-in staff member sees 10,000 leads (see bench/README.md, "Inbox over HTTP"):
PORTAL_COOKIE="JWT=…; …" PORTAL_PORT=18200 bench/inbox-http.py"""
import http.client, time, statistics, sys
import os
cookie = os.environ['PORTAL_COOKIE']
host, port = os.environ.get('PORTAL_HOST', 'localhost'), int(os.environ.get('PORTAL_PORT', '8080'))
paths = [("none", "/agentur/leads"), ("status=NEW", "/agentur/leads?status=NEW"),
         ("status=CONTACTED", "/agentur/leads?status=CONTACTED"), ("assignee=me", "/agentur/leads?assignee=me"),
         ("assignee=- (nobody)", "/agentur/leads?assignee=-"), ("overdue=true", "/agentur/leads?overdue=true"),
         ("from..to (one month)", "/agentur/leads?from=2026-10-01&to=2026-10-31"),
         ("municipality=Witten", "/agentur/leads?municipality=Witten"), ("level=3", "/agentur/leads?level=3"),
         ("sort=company", "/agentur/leads?sort=company"), ("sort=due", "/agentur/leads?sort=due"),
         ("page=40", "/agentur/leads?page=40")]
c = http.client.HTTPConnection(host, port)
def get(p):
    t = time.perf_counter()
    c.request('GET', p, headers={'Cookie': cookie, 'Accept': 'text/html'})
    r = c.getresponse(); body = r.read()
    return (time.perf_counter() - t) * 1000, r.status, len(body)
for _ in range(300):
    get('/agentur/leads')
print('| Inbox page over HTTP, filter | median ms | p95 ms | status | bytes |')
print('|---|---|---|---|---|')
for name, p in paths:
    for _ in range(20): get(p)
    ts = []
    for _ in range(100):
        ms, st, n = get(p); ts.append(ms)
    ts.sort()
    print(f'| {name} | {statistics.median(ts):.1f} | {ts[94]:.1f} | {st} | {n} |')
csv = []
for _ in range(5):
    ms, st, n = get('/agentur/leads.csv'); csv.append((ms, st, n))
print('| CSV of 10,000 leads over HTTP | ' + ', '.join(f'{m:.0f} ms' for m, _, _ in csv) + f' | status {csv[-1][1]} | {csv[-1][2]} bytes |')
