package completion

import (
	"slices"
	"strings"

	"github.com/casework/casework/pkg/careplan"
	"github.com/casework/casework/pkg/casefile"
	"github.com/casework/casework/pkg/cli/cmdutil"
	"github.com/casework/casework/pkg/cli/rendercmd"
	"github.com/casework/casework/pkg/config"
	"github.com/casework/casework/pkg/store"
	"github.com/spf13/cobra"
)

// maxDescribed is how many matching cases are loaded to describe them;
// past that, only their IDs are offered, to stay fast in a large agency.
const maxDescribed = 200

// source reads the candidates from the repository. Outside a repository,
// or when a file is broken, it offers nothing rather than an error.
type source struct{ f *cmdutil.Factory }

const noFiles = cobra.ShellCompDirectiveNoFileComp

func (s *source) repo() (*store.Repo, *config.Config, bool) {
	repo, err := s.f.Repo()
	if err != nil {
		return nil, nil, false
	}
	cfg, err := s.f.Config()
	return repo, cfg, err == nil
}

// cases offers case IDs, each described by its phase and worker: never by
// anything about the client.
func (s *source) cases(_ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	repo, _, ok := s.repo()
	if !ok {
		return nil, noFiles
	}
	ids, _ := repo.CaseIDs()
	ids = matching(ids, toComplete)
	if len(ids) > maxDescribed {
		return matchingIDs(ids, toComplete), noFiles
	}
	paths := make([]string, len(ids))
	for i, id := range ids {
		paths[i] = store.CasePath(id)
	}
	recs, _ := store.LoadAll[casefile.Case](repo, paths)
	desc := make(map[string]string, len(recs))
	for _, r := range recs {
		desc[r.Data.ID] = r.Data.Phase + ", " + r.Data.Worker
	}
	for i, id := range ids {
		if d := desc[id]; d != "" {
			ids[i] = id + "\t" + d
		}
	}
	return matchingIDs(ids, toComplete), noFiles
}

// workers offers worker IDs, described by role and team, and whether they
// retired.
func (s *source) workers(_ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	repo, _, ok := s.repo()
	if !ok {
		return nil, noFiles
	}
	recs, _ := repo.AllWorkers()
	var out []string
	for _, r := range recs {
		retired := ""
		if r.Data.IsRetired() {
			retired = "retired"
		}
		out = append(out, r.Data.ID+"\t"+joinNonEmpty(r.Data.Role, r.Data.Team, retired))
	}
	return matching(out, toComplete), noFiles
}

// resources offers resource IDs, described by category.
func (s *source) resources(_ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	repo, _, ok := s.repo()
	if !ok {
		return nil, noFiles
	}
	recs, _ := repo.AllResources()
	var out []string
	for _, r := range recs {
		out = append(out, r.Data.ID+"\t"+r.Data.Category)
	}
	return matching(out, toComplete), noFiles
}

// nextPhases offers the phases the case in args[0] may move to (closing
// has its own command), or every phase when the case is unknown.
func (s *source) nextPhases(args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	_, cfg, ok := s.repo()
	if !ok {
		return nil, noFiles
	}
	c := s.caseOf(args)
	if c == nil {
		return configured(phaseNames)(s, args, toComplete)
	}
	phase, _ := cfg.Workflow.Phase(c.Phase)
	next := slices.DeleteFunc(slices.Clone(phase.Next), func(p string) bool { return p == casefile.ClosedPhase })
	return matching(next, toComplete), noFiles
}

// templates offers the repository's templates and the built-in ones.
func (s *source) templates(_ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	repo, _, ok := s.repo()
	if !ok {
		return nil, noFiles
	}
	return matching(careplan.Names(rendercmd.TemplateSources(repo)...), toComplete), noFiles
}

// goals offers the goal IDs of the case in args[0], described by domain
// and status (the goal's text is the client's and is left out).
func (s *source) goals(args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	c := s.caseOf(args)
	if c == nil {
		return nil, noFiles
	}
	var out []string
	for _, g := range c.Plan.Goals {
		out = append(out, g.ID+"\t"+joinNonEmpty(g.Domain, string(g.Status)))
	}
	return matchingIDs(out, toComplete), noFiles
}

// actions offers the action IDs of the case in args[0], with their status.
func (s *source) actions(args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	c := s.caseOf(args)
	if c == nil {
		return nil, noFiles
	}
	var out []string
	for _, g := range c.Plan.Goals {
		for _, a := range g.Actions {
			out = append(out, a.ID+"\t"+joinNonEmpty(g.ID, string(a.Status)))
		}
	}
	return matchingIDs(out, toComplete), noFiles
}

// configured offers a list read from the configuration.
func configured(list func(*config.Config) []string) completer {
	return func(s *source, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		_, cfg, ok := s.repo()
		if !ok {
			return nil, noFiles
		}
		return matching(slices.Clone(list(cfg)), toComplete), noFiles
	}
}

func phaseNames(cfg *config.Config) []string     { return cfg.Workflow.PhaseNames() }
func closureReasons(cfg *config.Config) []string { return cfg.ClosureReasons }
func models(cfg *config.Config) []string         { return cfg.Models }
func riskLevels(cfg *config.Config) []string     { return cfg.Risk.Levels }
func riskFlags(cfg *config.Config) []string      { return cfg.Risk.Flags }

// instrumentDomains offers the domains of one instrument, the one the
// command will check them against: for a command with --instrument
// (assess), the one given, else the default instrument; for the others
// (plan goal add --domain), the instrument of the latest assessment of the
// case in args[0], else the default instrument.
func instrumentDomains(cmd *cobra.Command) completer {
	return func(s *source, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		_, cfg, ok := s.repo()
		if !ok {
			return nil, noFiles
		}
		id := cfg.Assessment.DefaultInstrument
		if fl := cmd.Flags().Lookup("instrument"); fl != nil {
			if fl.Changed {
				id = fl.Value.String()
			}
		} else if c := s.caseOf(args); c != nil && len(c.Assessments) > 0 {
			id = c.Assessments[len(c.Assessments)-1].Instrument
		}
		in, ok := cfg.Assessment.Instrument(id)
		if !ok {
			return nil, noFiles
		}
		return matching(slices.Clone(in.Domains), toComplete), noFiles
	}
}

// teams offers the teams the workers belong to, each once.
func (s *source) teams(_ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	repo, _, ok := s.repo()
	if !ok {
		return nil, noFiles
	}
	recs, _ := repo.AllWorkers()
	var out []string
	for _, r := range recs {
		if t := r.Data.Team; t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return matching(out, toComplete), noFiles
}

// instruments are the configured instruments, described by name.
func instruments(cfg *config.Config) []string {
	var out []string
	for _, in := range cfg.Assessment.Instruments {
		out = append(out, in.ID+"\t"+in.Name)
	}
	return out
}

// caseOf loads the case named by the first argument, or returns nil.
func (s *source) caseOf(args []string) *casefile.Case {
	if len(args) == 0 {
		return nil
	}
	rec, err := s.f.LoadCase(args[0])
	if err != nil {
		return nil
	}
	return &rec.Data
}

func joinNonEmpty(parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(p string) bool { return p == "" }), ", ")
}
