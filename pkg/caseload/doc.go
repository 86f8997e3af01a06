// Package caseload computes caseloads and workload against the agency's
// limits: which cases each worker held in a month, the weighted hours they
// cost, each worker's status (ok, warn, over), the agency's totals, and
// proposals to rebalance cases from over-stretched workers. Everything is
// computed from the case files alone, so the caseload of any past month is
// reproducible. The package is pure: no I/O, no printing.
package caseload
