"""Drives the meeting benchmark over HTTP (see meeting.sh). Standard library only."""
import json
import statistics
import sys
import time
import urllib.request
from datetime import datetime, timedelta, timezone

base, admin_password, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])


def call(method, path, token=None, body=None, content_type="application/json"):
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", content_type)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=60) as r:
        raw = r.read()
        return json.loads(raw) if raw else None


def login(user, password):
    return call("POST", "/api/auth/login", body={"username": user, "password": password})["accessToken"]


admin = login("admin", admin_password)
province = call("GET", "/api/units?level=PROVINCE&size=1", admin)["items"][0]["id"]

# 500 delegates (set-up, not measured): one CSV import.
rows = ["username,full_name,position,unit,email,phone,roles,active"]
for i in range(500):
    rows.append(f"bench{i:03d},Đại biểu Thử {i:03d},Đại biểu HĐND,TH,bench{i:03d}@demo.hopso.vn,,DELEGATE,true")
call("POST", "/api/import/people", admin, "\n".join(rows).encode(), "text/csv")
people = call("GET", "/api/people?q=dai+bieu+thu&size=500&kind=PEOPLE", admin)["items"]
people = [p for p in people if p["username"].startswith("bench")][:500]
assert len(people) == 500, len(people)
secretary = call("GET", "/api/people?role=SECRETARY&size=1", admin)["items"][0]
chair = call("GET", "/api/people?role=CHAIR&size=1", admin)["items"][0]
call("POST", f"/api/people/{secretary['id']}/password", admin, {"password": "bench-secretary-1"})
token = login(secretary["username"], "bench-secretary-1")


def ms(t0):
    return (time.perf_counter() - t0) * 1000


create_times, page_times, steps = [], [], []
for r in range(rounds):
    start = datetime.now(timezone.utc) + timedelta(days=2 + r)
    t0 = time.perf_counter()
    m = call("POST", "/api/meetings", token, {
        "title": f"Hội nghị trực tuyến toàn tỉnh lần {r + 1}", "kind": "REGULAR",
        "hostUnitId": province, "chairId": chair["id"], "secretaryId": secretary["id"],
        "startsAt": start.isoformat(), "endsAt": (start + timedelta(hours=3)).isoformat(),
        "place": "Hội trường UBND tỉnh"})
    t_create = ms(t0)
    t1 = time.perf_counter()
    rooms = call("POST", f"/api/meetings/{m['id']}/endpoints", token, {"all": True})
    t_rooms = ms(t1)
    t2 = time.perf_counter()
    call("POST", f"/api/meetings/{m['id']}/participants", token,
         {"participants": [{"personId": p["id"], "role": "DELEGATE"} for p in people]})
    t_people = ms(t2)
    t3 = time.perf_counter()
    call("POST", f"/api/meetings/{m['id']}/schedule", token)
    t_schedule = ms(t3)
    total = ms(t0)
    create_times.append(total)
    steps.append((t_create, t_rooms, t_people, t_schedule))
    assert rooms["total"] >= 356, rooms

    t0 = time.perf_counter()
    detail = call("GET", f"/api/meetings/{m['id']}", token)
    parts = call("GET", f"/api/meetings/{m['id']}/participants", token)
    eps = call("GET", f"/api/meetings/{m['id']}/endpoints", token)
    call("GET", f"/api/meetings/{m['id']}/agenda", token)
    call("GET", f"/api/meetings/{m['id']}/quorum", token)
    page_times.append(ms(t0))
    # the web app loads the first page of each list (chair and secretary first)
    assert parts["total"] == 502 and eps["total"] >= 356 and detail["participantCount"] == 502
    print(f"round {r + 1}: create+rooms+participants+schedule {total:.0f} ms "
          f"(create {t_create:.0f}, {rooms['added']} rooms {t_rooms:.0f}, 500 people {t_people:.0f}, "
          f"schedule {t_schedule:.0f}); page load {page_times[-1]:.0f} ms "
          f"({parts['total']} participants, {eps['total']} rooms, first pages)")


def verdict(values):
    return "meets" if max(values) < 1000 else "MISSES"


print()
print(f"create a 356-room, 500-person meeting: median {statistics.median(create_times):.0f} ms, "
      f"max {max(create_times):.0f} ms (target < 1000 ms: {verdict(create_times)})")
print(f"load its page:                       median {statistics.median(page_times):.0f} ms, "
      f"max {max(page_times):.0f} ms (target < 1000 ms: {verdict(page_times)})")
