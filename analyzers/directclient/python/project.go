package python

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/xynergy/xylint/analyzers/directclient"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/roles"
)

// projectPhase classifies every site with the role model of all files
// (internal/python/roles: which entry points reach the function that
// builds the client) and reports it at the level its cost gives.
func projectPhase(pp *pyanalysis.ProjectPass, _ func(path string) *directclient.Config) error {
	if !slices.ContainsFunc(pp.Files, func(f *pyanalysis.FileFacts) bool {
		return pp.Wants(f.Path) && len(pyanalysis.FactsOf[*fileFact](pp, f)) > 0
	}) {
		return nil // nothing to classify (a fix round of a file whose sites are fixed)
	}
	m := roles.Of(pp)
	var tests []patchedBy
	for _, f := range pp.Files {
		for _, fact := range pyanalysis.FactsOf[*patchFact](pp, f) {
			pb := patchedBy{dir: path.Dir(f.Path), root: pp.Modules.Root(f.Path), targets: map[string]bool{}}
			for _, t := range fact.Targets {
				pb.targets[t] = true
			}
			tests = append(tests, pb)
		}
	}
	for _, f := range pp.Files {
		if !pp.Wants(f.Path) {
			continue
		}
		for _, fact := range pyanalysis.FactsOf[*fileFact](pp, f) {
			for _, s := range fact.Sites {
				if s.SharedTransport {
					// Built on a module-level transport: the pool is
					// shared, not the rule's concern (transport).
					continue
				}
				if t := patchedAs(tests, pp.Modules, f.Path, s); t != "" && s.Getter != "" {
					s.Fix = nil
					s.NoFix = "the tests patch `" + t + "`; a pooled client built once would not be their mock"
				}
				d := lint.Diagnostic{Rule: pp.Analyzer.Rule, Path: f.Path, Range: s.Range}
				d.Kind, d.Severity, d.Message = classify(m, f.Path, s)
				d.Fix = s.Fix
				if s.Transport != "" {
					// Its own transport (a guard, a proxy, mounted
					// adapters): the shared client would drop it.
					d.Severity, d.Fix = lint.Note, nil
					d.Message += "; built on its own transport (`" + s.Transport + "`), which the shared client would drop: " +
						"that client is no replacement (a note); to share the pool, build the transport once at module level and pass it in"
				} else {
					d.Message += advice(s)
				}
				pp.Report(d)
			}
		}
	}
	return nil
}

// patchedBy is one test file's patches, with where it is.
type patchedBy struct {
	dir, root string
	targets   map[string]bool
}

// patchedAs is the name a test of the site's program patches the site's
// constructor by — the name in the site's module (`pkg.mod.Client`,
// `pkg.mod.bigquery.Client`) or the constructor itself
// (`google.cloud.bigquery.Client`) — or "". A test is the program's when
// it sits under the site's root (a service's tests/) or the site's file
// sits under the test's root (a project's top-level tests/ package): the
// samples of one repository, each in its own directory, do not share
// their tests' patches.
func patchedAs(tests []patchedBy, mods *modules.Index, p string, s siteFact) string {
	if len(tests) == 0 {
		return ""
	}
	module, root, dir := mods.Module(p), mods.Root(p), path.Dir(p)
	full := "" // the callee's qualified name in its module, made once for every test
	if module != "" && s.Callee != "" {
		full = module + "." + s.Callee
	}
	for _, tb := range tests {
		if !under(tb.dir, root) && !under(dir, tb.root) {
			continue
		}
		if full != "" {
			// The name itself, or the module it is an attribute of
			// (`pkg.mod.bigquery` patched: its Client is the mock's).
			for n := full; len(n) > len(module); n = n[:max(strings.LastIndexByte(n, '.'), 0)] {
				if tb.targets[n] {
					return n
				}
			}
		}
		if tb.targets[s.Qualified] {
			return s.Qualified
		}
	}
	return ""
}

// under: dir is root or below it ("." is above everything). It is asked
// for every site and every patching test file, so it does not build
// root+"/".
func under(dir, root string) bool {
	return root == "." || strings.HasPrefix(dir, root) && (len(dir) == len(root) || dir[len(root)] == '/')
}

// onceMsg is why a client built once is a note.
const onceMsg = "once per process"

// classify gives a site its kind, level and the message's first part. A
// client built per request (or per message a worker handles) costs a
// connection pool, TLS handshakes and credentials each time: a warning. One
// built once per process (module level, a cache, startup code) or per call
// of code no service reaches (a command-line program, a script, library
// code) costs that once or rarely: a note.
func classify(m *roles.Model, path string, s siteFact) (kind string, sev lint.Severity, msg string) {
	ctor := "`" + s.Display + "()`"
	switch s.Kind {
	case directclient.KindModuleLevel:
		return s.Kind, lint.Note, "direct " + ctor + " at module level: " + onceMsg
	case directclient.KindCached:
		return s.Kind, lint.Note, fmt.Sprintf("hand-made cached %s singleton (%s in `%s`): %s", ctor, s.How, s.Chain[0], onceMsg)
	}
	for _, k := range []roles.EntryKind{roles.Request, roles.Worker} {
		key, v, ok := m.ReachedChain(path, s.Chain, k)
		if !ok {
			continue
		}
		per := "request"
		if k == roles.Worker {
			per = "message"
		}
		msg := "direct " + ctor + " per " + per
		switch {
		case len(v.Path) == 0 && v.Class != "":
			msg += ": `" + v.Class + "` is built per request through `Depends`"
		case len(v.Path) == 0:
			msg += " in " + v.Desc
		default:
			msg += ": `" + key + "` is called by " + v.Desc
			if via := v.Path[1:]; len(via) == 1 {
				msg += " through `" + via[0] + "`"
			} else if len(via) > 1 {
				msg += fmt.Sprintf(" through `%s` and %d more", via[0], len(via)-1)
			}
		}
		if s.Instance != "" {
			msg += "; `" + s.Chain[0] + "` caches it in `" + s.Instance + "`, so one per instance, as often as the instance is built"
		}
		return directclient.KindPerRequest, lint.Warning, msg
	}
	if key, v, ok := m.ReachedChain(path, s.Chain, roles.Startup); ok {
		if len(v.Path) == 0 {
			return directclient.KindModuleLevel, lint.Note, "direct " + ctor + " at startup in " + v.Desc + ": " + onceMsg
		}
		return directclient.KindModuleLevel, lint.Note, "direct " + ctor + " at startup: `" + key + "` is called by " + v.Desc + ": " + onceMsg
	}
	role, _ := m.Role(path, s.Chain)
	where := "per call of `" + s.Chain[0] + "`"
	if c, ok := strings.CutSuffix(s.Chain[0], ".__init__"); ok {
		where = "per instance of `" + c + "`"
	} else if s.Instance != "" {
		where = "once per instance: `" + s.Chain[0] + "` caches it in `" + s.Instance + "`"
	}
	why := "no service entry point is known to reach it"
	if role != roles.Library && role != roles.Service {
		why = "in " + role.Describe() + ", not a service"
	}
	return directclient.KindPerCall, lint.Note, "direct " + ctor + " " + where + " (" + why + ")"
}

// advice is the message's last part: the getter to use.
func advice(s siteFact) string {
	switch {
	case s.Getter != "" && s.Setting != "":
		// secretmanager_v1.SecretManagerServiceClient(client_options=
		// {"api_endpoint": regional}): the shared client would talk to
		// the global endpoint.
		return "; `" + s.Module + "." + s.Getter + "()` takes no `" + s.Setting + "`: pool one client per `" + s.Setting + "` (a getter in `" + s.Module + "` that takes it)"
	case s.Getter != "" && s.NoFix != "":
		return "; use `" + s.Module + "." + s.Getter + "()` (no fix: " + s.NoFix + ")"
	case s.Getter != "":
		return "; use `" + s.Module + "." + s.Getter + "()`"
	case s.Module != "":
		return "; no pooled getter for it yet: add one to `" + s.Module + "`"
	}
	return "; build it once and share it"
}
