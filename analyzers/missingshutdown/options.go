package missingshutdown

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/ruleopts"
)

// Options are XY006 missing-shutdown's options ([tool.xylint.missing-shutdown]),
// as configuration writes them. Only the Python detection reads them.
type Options struct {
	// PoolModules are the dotted Python modules whose functions hand out
	// pooled clients ("shared.gcp_clients"): a module that calls one of
	// their getters leaves that pool open, and the message says so.
	// Functions whose name starts with "close" or "shutdown" are the
	// cleanup, not getters.
	PoolModules []string `toml:"pool-modules"`
	// Exclude are path globs (gitignore syntax, matched against the path
	// and every tail of it) of Python files the rule does not look at: by
	// default test files, which build throwaway apps.
	Exclude []string `toml:"exclude"`
	// Cleanup are the calls the Python fix's shutdown handler makes, as
	// qualified names, "await " before those that are coroutines
	// ("await shared.http_client.close_http_client"). Each is used only in
	// a module that imports from (or builds a client pooled by) its module.
	// Empty: no fix.
	Cleanup []string `toml:"cleanup"`
}

// DefaultCleanup closes the platform's pools (shared/http_client.py's
// async close_http_client, shared/gcp_clients.py's close_gcp_clients).
var DefaultCleanup = []string{"await shared.http_client.close_http_client", "shared.gcp_clients.close_gcp_clients"}

// parseCleanup splits a cleanup entry into its module, function name and
// whether it is awaited; ok is false for a malformed entry.
func parseCleanup(s string) (module, name string, await, ok bool) {
	q := strings.TrimSpace(s)
	if rest, found := strings.CutPrefix(q, "await "); found {
		q, await = strings.TrimSpace(rest), true
	}
	i := strings.LastIndexByte(q, '.')
	if i <= 0 || i == len(q)-1 || strings.ContainsAny(q, " /*()") || strings.HasPrefix(q, ".") || strings.Contains(q, "..") {
		return "", "", false, false
	}
	return q[:i], q[i+1:], await, true
}

// DefaultPoolModules are the platform's pool modules.
var DefaultPoolModules = []string{"shared.gcp_clients", "shared.http_client"}

// NewOptions returns the defaults.
func NewOptions() *Options {
	return &Options{
		PoolModules: slices.Clone(DefaultPoolModules),
		Exclude:     slices.Clone(ruleopts.TestFiles),
		Cleanup:     slices.Clone(DefaultCleanup),
	}
}

// Config is Options checked and compiled, once per configuration: what the
// Python detection reads.
type Config struct {
	PoolModules []string
	Exclude     ruleopts.Globs
	Cleanup     []Cleanup
}

// Cleanup is one cleanup entry: the function module.name, awaited or not.
type Cleanup struct {
	Module, Name string
	Await        bool
}

// OptionsSpec declares the options (Rule.Options).
var OptionsSpec = ruleopts.NewSpec(NewOptions, compile)

func compile(o *Options) (*Config, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	c := &Config{PoolModules: o.PoolModules, Exclude: ruleopts.CompileGlobs(o.Exclude)}
	for _, e := range o.Cleanup {
		mod, name, await, _ := parseCleanup(e)
		c.Cleanup = append(c.Cleanup, Cleanup{Module: mod, Name: name, Await: await})
	}
	return c, nil
}

func (o *Options) check() error {
	var errs []string
	for _, m := range o.PoolModules {
		if m == "" || strings.ContainsAny(m, "/ *") || strings.HasPrefix(m, ".") || strings.HasSuffix(m, ".") {
			errs = append(errs, fmt.Sprintf("pool-modules: %q is not a dotted module name such as \"shared.gcp_clients\"", m))
		}
	}
	for _, c := range o.Cleanup {
		if _, _, _, ok := parseCleanup(c); !ok {
			errs = append(errs, fmt.Sprintf("cleanup: %q is not a qualified function name such as \"shared.gcp_clients.close_gcp_clients\" (\"await \" before a coroutine)", c))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}
