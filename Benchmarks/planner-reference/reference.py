#!/usr/bin/env python3
"""An exact reference for the inspection planner, for `reform-bench planner-quality`.

Reads the model that `Planner.referenceModel(of:calendar:hint:)` exports (JSON, see
Sources/InspectionDomain/Planner+Reference.swift) and prints one JSON line:

  placed, risk_delay, status, seconds       the best plan CP-SAT finds within the time limit
  lp_bound, lp_seconds                      a lower bound on the risk delay of any plan that
                                            places the visits of the hint (the planner's plan)
  hint_placed, hint_risk_delay              the hint itself, checked against every rule

With --bound-only, CP-SAT does not run and only the hint's figures and the bound are printed.
Every plan printed (the solver's and the hint) is first checked against each hard rule by code
that does not look at the CP-SAT model; a broken rule stops the script with exit status 2.

Needs Python 3.9+ and OR-tools (CP-SAT and GLOP), benchmark-time only:

  python3 -m venv ~/ortools && ~/ortools/bin/pip install ortools

in a virtual environment of its own: OR-tools pins an older protobuf runtime than the code that
the interop tests generate with grpcio-tools needs, and would break them if installed beside it.

Usage:

  reference.py MODEL.json [--seconds 60] [--workers 2] [--hint] [--bound-only]

`seconds` is CP-SAT's own time, model building left out; on 1,000 visits and 40 teams its
presolve alone may overrun the limit by tens of seconds.
"""

import argparse
import json
import math
import os
import sys
import time

import numpy as np
from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model


# REFERENCE_LOG=1 in the environment prints CP-SAT's search log to standard error.
DEBUG_LOG = bool(os.environ.get("REFERENCE_LOG"))


class Problem:
    """The exported model, with each visit's feasible first days per team worked out."""

    def __init__(self, data):
        self.day_count = data["dayCount"]
        self.month_of_day = data["monthOfDay"]
        self.min_gap = data["minGap"]
        self.teams = data["teams"]
        self.visits = data["visits"]
        self.hint = [(h["visit"], h["team"], h["start"]) for h in data["hint"]]
        self.unavailable = []
        for team in self.teams:
            days = np.zeros(self.day_count, dtype=bool)
            days[team["unavailable"]] = True
            self.unavailable.append(days)
        # starts[v][t]: the first days from which team t could make visit v if it were alone:
        # inside the window, no day blocked for the unit, the team available on every day.
        self.starts = []
        for visit in self.visits:
            per_team = {}
            if visit["placeable"]:
                blocked = np.zeros(self.day_count, dtype=bool)
                blocked[visit["blocked"]] = True
                first, last, length = visit["firstDay"], visit["lastStart"], visit["length"]
                candidates = np.arange(first, last + 1)
                for t in visit["teams"]:
                    bad = np.concatenate(([0], np.cumsum(blocked | self.unavailable[t])))
                    ok = bad[candidates + length] - bad[candidates] == 0
                    if ok.any():
                        per_team[t] = [int(s) for s in candidates[ok]]
            self.starts.append(per_team)

    def risk_delay(self, plan):
        return sum(self.visits[v]["risk"] * s for v, (t, s) in plan.items())

    def check(self, plan, what):
        """Exits with status 2, naming the rule, when `plan` ({visit: (team, start)}) breaks one."""

        def fail(message):
            print(f"reference.py: {what} breaks a rule: {message}", file=sys.stderr)
            sys.exit(2)

        busy = {}
        started = {}
        by_unit = {}
        for v, (t, s) in plan.items():
            visit = self.visits[v]
            if not visit["placeable"]:
                fail(f"visit {visit['dueID']} cannot be placed at all")
            if t not in visit["teams"]:
                fail(f"team {t} may not make visit {visit['dueID']}")
            if not visit["firstDay"] <= s <= visit["lastStart"]:
                fail(f"visit {visit['dueID']} starts on day {s}, outside its window")
            blocked = set(visit["blocked"])
            for d in range(s, s + visit["length"]):
                if d in blocked:
                    fail(f"visit {visit['dueID']} takes blocked day {d}")
                if self.unavailable[t][d]:
                    fail(f"visit {visit['dueID']} takes day {d}, when team {t} is unavailable")
                if (t, d) in busy:
                    fail(f"team {t} makes visits {busy[(t, d)]} and {visit['dueID']} on day {d}")
                busy[(t, d)] = visit["dueID"]
            month = (t, self.month_of_day[s])
            started[month] = started.get(month, 0) + 1
            if started[month] > self.teams[t]["cap"]:
                fail(f"team {t} starts more than {self.teams[t]['cap']} visits in month {month[1]}")
            by_unit.setdefault(visit["unit"], []).append(v)
        for visits in by_unit.values():
            for i, a in enumerate(visits):
                for b in visits[i + 1:]:
                    sa, sb = plan[a][1], plan[b][1]
                    end_a = sa + self.visits[a]["length"] - 1
                    end_b = sb + self.visits[b]["length"] - 1
                    if not (end_b + self.min_gap < sa or end_a + self.min_gap < sb):
                        fail(f"visits {self.visits[a]['dueID']} and {self.visits[b]['dueID']} are closer than the gap")


def solve_exact(problem, seconds, workers, use_hint):
    """The CP-SAT model of every hard rule; most visits placed first, then least risk delay.

    One optional interval per (visit, team, month of its first day) whose start may take only the
    days that team could start it alone: blackouts, leave and the window are in the domains. One
    visit at a time per team is a NoOverlap per team; the monthly cap counts the intervals of a
    (team, month); the minimum gap is a NoOverlap per unit of intervals lengthened by the gap
    (`otherEnd + minGap < start` is `[start, start + length + minGap)` not overlapping).
    """
    model = cp_model.CpModel()
    placed = {}
    start = {}
    choices = {}
    team_intervals = [[] for _ in problem.teams]
    month_starts = {}
    for v, per_team in enumerate(problem.starts):
        if not per_team:
            continue
        visit = problem.visits[v]
        every = sorted({s for starts in per_team.values() for s in starts} | {0})
        placed[v] = model.NewBoolVar(f"placed{v}")
        start[v] = model.NewIntVarFromDomain(cp_model.Domain.FromValues(every), f"start{v}")
        # An unplaced visit adds nothing to the risk delay.
        model.Add(start[v] == 0).OnlyEnforceIf(placed[v].Not())
        choices[v] = []
        by_month = {}
        for t, starts in per_team.items():
            for s in starts:
                by_month.setdefault((t, problem.month_of_day[s]), []).append(s)
        for (t, m), starts in by_month.items():
            chosen = model.NewBoolVar(f"x{v}_{t}_{m}")
            first = model.NewIntVarFromDomain(cp_model.Domain.FromValues(starts), f"s{v}_{t}_{m}")
            team_intervals[t].append(model.NewOptionalFixedSizeIntervalVar(first, visit["length"], chosen, ""))
            model.Add(start[v] == first).OnlyEnforceIf(chosen)
            month_starts.setdefault((t, m), []).append(chosen)
            choices[v].append((chosen, t, m, first, starts[0]))
        model.Add(sum(option[0] for option in choices[v]) == placed[v])
    for intervals in team_intervals:
        model.AddNoOverlap(intervals)
    for (t, m), chosen in month_starts.items():
        if len(chosen) > problem.teams[t]["cap"]:
            model.Add(sum(chosen) <= problem.teams[t]["cap"])
    by_unit = {}
    for v in placed:
        by_unit.setdefault(problem.visits[v]["unit"], []).append(v)
    for visits in by_unit.values():
        if len(visits) > 1:
            model.AddNoOverlap(
                [
                    model.NewOptionalFixedSizeIntervalVar(
                        start[v], problem.visits[v]["length"] + problem.min_gap, placed[v], ""
                    )
                    for v in visits
                ]
            )

    def hint(plan):
        """Hints every variable with `plan` ({visit: (team, start)}); the rest unplaced."""
        model.ClearHints()
        for v in placed:
            slot = plan.get(v)
            model.AddHint(placed[v], slot is not None)
            model.AddHint(start[v], slot[1] if slot else 0)
            for chosen, t, m, first, earliest in choices[v]:
                here = slot is not None and slot[0] == t and problem.month_of_day[slot[1]] == m
                model.AddHint(chosen, here)
                model.AddHint(first, slot[1] if here else earliest)

    def solve(limit, light=False):
        solver = cp_model.CpSolver()
        if light:
            # Probing a model of a few hundred thousand intervals takes more than a minute.
            solver.parameters.cp_model_probing_level = 0
        solver.parameters.max_time_in_seconds = max(limit, 0.1)
        solver.parameters.num_search_workers = workers
        solver.parameters.repair_hint = True
        solver.parameters.log_search_progress = DEBUG_LOG
        status = solver.Solve(model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None, solver.StatusName(status)
        plan = {}
        for v, options in choices.items():
            for chosen, t, _, first, _ in options:
                if solver.BooleanValue(chosen):
                    plan[v] = (t, solver.Value(first))
        return plan, solver.StatusName(status)

    # Lexicographic in two phases: the most visits placed (at most half the time; it usually
    # ends at once, when every visit fits), then, keeping that many, the least risk delay,
    # started from the first phase's plan. From a hint, whose presolve alone takes most of a
    # phase on a large instance, in one phase instead, through a weight: one more visit placed
    # outweighs any risk delay.
    began = time.monotonic()
    risk_delay = sum(problem.visits[v]["risk"] * start[v] for v in placed)
    if use_hint:
        hint({v: (t, s) for v, t, s in problem.hint})
        latest = {v: max(max(starts) for starts in problem.starts[v].values()) for v in placed}
        weight = 1 + sum(problem.visits[v]["risk"] * latest[v] for v in placed)
        model.Minimize(risk_delay - weight * sum(placed.values()))
        plan, status = solve(seconds, light=True)
        return plan, status, time.monotonic() - began
    model.Maximize(sum(placed.values()))
    plan, first_status = solve(seconds / 2)
    if plan is None:
        return None, first_status, time.monotonic() - began
    if len(plan) == len(placed):
        for v in placed:
            model.Add(placed[v] == 1)
    else:
        model.Add(sum(placed.values()) >= len(plan))
    hint(plan)
    model.Minimize(risk_delay)
    better, status = solve(seconds - (time.monotonic() - began))
    elapsed = time.monotonic() - began
    if better is None:
        return plan, "FEASIBLE", elapsed
    optimal = first_status == "OPTIMAL" and status == "OPTIMAL"
    return better, "OPTIMAL" if optimal else "FEASIBLE", elapsed


def lp_bound(problem, chosen):
    """A lower bound on the risk delay of any plan that places exactly the visits `chosen`.

    The LP relaxation of a time-indexed model with the teams pooled: x[v, s] in [0, 1] is the
    share of visit v starting on day s, for the days s from which some allowed team could make v
    alone (window, blackouts, leave), and each visit starts once (sum over s = 1). What is
    relaxed: integrality; which team makes a visit, which is replaced by capacities of pools of
    teams; a team's leave on the visit's other days when counting a pool. For each pool S (each
    visit's set of allowed teams, and all teams), counting only visits whose allowed teams lie
    inside S: on each day, visits in progress <= teams of S available that day; in each month,
    visits starting <= the sum of S's monthly caps. For each unit, on each day, at most one of
    its visits, each lengthened by the minimum gap, is in progress. Every plan that places
    `chosen` satisfies all of this, so the LP optimum is a lower bound; it is at least the
    bound that puts each visit at its own earliest day, since that is the LP without the pools.
    """
    solver = pywraplp.Solver.CreateSolver("GLOP")
    # The dual simplex takes about half the time of the primal on these models.
    solver.SetSolverSpecificParametersAsString("use_dual_simplex: true")
    x = {}
    starts = {}
    for v in chosen:
        starts[v] = sorted({s for days in problem.starts[v].values() for s in days})
        if not starts[v]:
            return None
        for s in starts[v]:
            x[v, s] = solver.NumVar(0, 1, "")
        solver.Add(sum(x[v, s] for s in starts[v]) == 1)

    pools = {frozenset(range(len(problem.teams)))}
    pools |= {frozenset(problem.starts[v].keys()) for v in chosen}
    available = [~days for days in problem.unavailable]
    for pool in pools:
        members = [v for v in chosen if set(problem.starts[v].keys()) <= pool]
        if not members:
            continue
        in_progress = [[] for _ in range(problem.day_count)]
        starting = [[] for _ in range(12)]
        for v in members:
            length = problem.visits[v]["length"]
            for s in starts[v]:
                for d in range(s, s + length):
                    in_progress[d].append(x[v, s])
                starting[problem.month_of_day[s]].append(x[v, s])
        for d, terms in enumerate(in_progress):
            teams = sum(1 for t in pool if available[t][d])
            if len(terms) > teams:
                solver.Add(solver.Sum(terms) <= teams)
        cap = sum(problem.teams[t]["cap"] for t in pool)
        for terms in starting:
            if len(terms) > cap:
                solver.Add(solver.Sum(terms) <= cap)

    by_unit = {}
    for v in chosen:
        by_unit.setdefault(problem.visits[v]["unit"], []).append(v)
    for visits in by_unit.values():
        if len(visits) < 2:
            continue
        covering = {}
        for v in visits:
            reach = problem.visits[v]["length"] + problem.min_gap
            for s in starts[v]:
                for d in range(s, s + reach):
                    covering.setdefault(d, []).append(x[v, s])
        for terms in covering.values():
            solver.Add(solver.Sum(terms) <= 1)

    solver.Minimize(solver.Sum([problem.visits[v]["risk"] * s * var for (v, s), var in x.items()]))
    began = time.monotonic()
    status = solver.Solve()
    elapsed = time.monotonic() - began
    if status != pywraplp.Solver.OPTIMAL:
        return None, elapsed
    value = solver.Objective().Value()
    # The risk delay is an integer; the margin covers the simplex's tolerances.
    return math.ceil(value - 1e-6 * max(1.0, abs(value))), elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", help="the JSON of Planner.referenceModel")
    parser.add_argument("--seconds", type=float, default=60, help="CP-SAT's time limit (default 60)")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT's search workers (default 2)")
    parser.add_argument("--hint", action="store_true", help="start CP-SAT from the hint and let it repair it")
    parser.add_argument("--bound-only", action="store_true", help="compute the LP bound only")
    arguments = parser.parse_args()
    with open(arguments.model) as file:
        problem = Problem(json.load(file))

    hint = {v: (t, s) for v, t, s in problem.hint}
    problem.check(hint, "the hint")
    result = {"hint_placed": len(hint), "hint_risk_delay": problem.risk_delay(hint)}

    bound, lp_seconds = lp_bound(problem, sorted(hint)) if hint else (None, 0.0)
    result.update(lp_bound=bound, lp_seconds=round(lp_seconds, 3))

    if not arguments.bound_only:
        plan, status, seconds = solve_exact(problem, arguments.seconds, arguments.workers, arguments.hint)
        result.update(status=status, seconds=round(seconds, 3))
        if plan is not None:
            problem.check(plan, "CP-SAT's plan")
            result.update(placed=len(plan), risk_delay=problem.risk_delay(plan))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
