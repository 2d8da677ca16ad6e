package directclient

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/pools"
	"github.com/xynergy/xylint/internal/ruleopts"
	"github.com/xynergy/xylint/internal/walk"
)

// Options configures XY003 direct-client ([tool.xylint.direct-client] in the
// configuration, the golangci-lint plugin's settings, or the vet tool's
// -directclient.* flags), as configuration writes them: one table, whose
// keys are the Go detection's (GoOptions) and the Python detection's
// (PythonOptions).
type Options struct {
	GoOptions
	PythonOptions
}

// GoOptions are the options the Go analyzer reads.
type GoOptions struct {
	// PoolPackages are the Go packages that own the shared clients: they
	// may build clients anywhere. An entry is an import path, a path ending
	// in "/..." for a subtree, or the trailing part of a path.
	PoolPackages []string `toml:"pool-packages" vet:"comma-separated packages (import paths, path/... subtrees or trailing parts) that may build clients"`
}

// PythonOptions are the options the Python detection reads.
type PythonOptions struct {
	// Clients is the Python table of client constructors and the pooled
	// getters that replace them. Setting it replaces the defaults
	// (DefaultClients); ExtendClients adds to them.
	Clients []Client `toml:"clients"`
	// ExtendClients are entries added to Clients; an entry whose
	// constructor is already in Clients replaces that entry, and an entry
	// with Ignore set removes it.
	ExtendClients []Client `toml:"extend-clients"`
	// PoolModules are path globs of the Python modules that own the shared
	// clients (gitignore syntax, matched against the file's path and every
	// tail of it): they may build clients anywhere.
	PoolModules []string `toml:"pool-modules"`
	// Exclude are path globs (same syntax) of Python files the rule does
	// not look at: by default test files, whose fixtures build real
	// clients on purpose.
	Exclude []string `toml:"exclude"`
}

// DefaultPoolPackages are the Go counterparts of the platform's
// shared/http_client.py and shared/gcp_clients.py.
var DefaultPoolPackages = []string{"shared/httpclient", "shared/gcpclients"}

// DefaultPoolModules are the platform's Python pool modules.
var DefaultPoolModules = []string{"shared/gcp_clients.py", "shared/http_client.py"}

// NewOptions returns the defaults.
func NewOptions() *Options {
	return &Options{
		GoOptions: GoOptions{PoolPackages: slices.Clone(DefaultPoolPackages)},
		PythonOptions: PythonOptions{
			Clients:     cloneClients(DefaultClients),
			PoolModules: slices.Clone(DefaultPoolModules),
			Exclude:     slices.Clone(ruleopts.TestFiles),
		},
	}
}

// Client is one row of the Python constructor table (internal/pools holds
// the table's type and defaults, which XY006 reads too).
type Client = pools.Client

// DefaultClients is the default constructor table (pools.DefaultClients).
var DefaultClients = pools.DefaultClients

// Config is Options checked and compiled, once per configuration: what the
// rule's code reads.
type Config struct {
	PoolPackages []string // Go
	// Table is the Python constructor table (Options.Table), compiled.
	Table *pools.Table
	// PoolModules and Exclude are the Python files the rule does not look
	// at (Excludes).
	PoolModules, Exclude ruleopts.Globs
}

// OptionsSpec declares the options (Rule.Options).
var OptionsSpec = ruleopts.NewSpec(NewOptions, func(o *Options) (*Config, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	return &Config{
		PoolPackages: o.PoolPackages,
		Table:        pools.NewTable(o.Table()),
		PoolModules:  ruleopts.CompileGlobs(o.PoolModules),
		Exclude:      ruleopts.CompileGlobs(o.Exclude),
	}, nil
})

// Excludes reports whether the rule skips the Python file at the
// slash-separated path: a pool module or an excluded file. A glob is
// matched against the path and every tail of it that starts at a
// directory, so "shared/gcp_clients.py" matches
// "services/shared/gcp_clients.py"; a glob ending in "/" matches a
// directory the file is in.
func (c *Config) Excludes(p string) bool { return c.PoolModules.Match(p) || c.Exclude.Match(p) }

func cloneClients(cs []Client) []Client {
	out := slices.Clone(cs)
	for i := range out {
		out[i].Args = slices.Clone(out[i].Args)
		out[i].Positional = slices.Clone(out[i].Positional)
		out[i].Drop = slices.Clone(out[i].Drop)
	}
	return out
}

// Table is the effective constructor table: Clients, then ExtendClients
// replacing entries with the same constructor or adding new ones, without
// the ignored constructors.
func (o *Options) Table() []Client {
	out := make([]Client, 0, len(o.Clients)+len(o.ExtendClients))
	at := map[string]int{}
	for _, list := range [][]Client{o.Clients, o.ExtendClients} {
		for _, c := range list {
			if i, ok := at[c.Constructor]; ok {
				out[i] = c
				continue
			}
			at[c.Constructor] = len(out)
			out = append(out, c)
		}
	}
	return slices.DeleteFunc(out, func(c Client) bool { return c.Ignore })
}

// check checks the Python table and globs (compiling the options does, and
// the configuration loader reports its errors at the rule's table).
func (o *Options) check() error {
	var errs []string
	for _, l := range []struct {
		key  string
		list []Client
	}{{"clients", o.Clients}, {"extend-clients", o.ExtendClients}} {
		seen := map[string]bool{}
		for i, c := range l.list {
			at := fmt.Sprintf("%s[%d]", l.key, i)
			if c.Constructor != "" {
				at += " (" + c.Constructor + ")"
			}
			switch {
			case !isDotted(c.Constructor, true):
				errs = append(errs, at+": constructor must be a dotted name such as \"google.cloud.bigquery.Client\"")
			case seen[c.Constructor]:
				errs = append(errs, at+": constructor listed twice")
			}
			seen[c.Constructor] = true
			if c.Getter != "" && !isDotted(c.Getter, false) || strings.Contains(c.Getter, ".") {
				errs = append(errs, at+": getter must be a function name such as \"get_bigquery_client\"")
			}
			if c.Module != "" && !isDotted(c.Module, false) {
				errs = append(errs, at+": module must be a dotted module name such as \"shared.gcp_clients\"")
			}
			if c.Getter != "" && c.Module == "" {
				errs = append(errs, at+": a getter needs the module that defines it")
			}
			for _, f := range []struct {
				key  string
				list []string
			}{{"args", c.Args}, {"positional", c.Positional}, {"drop", c.Drop}} {
				for _, a := range f.list {
					if !isDotted(a, false) || strings.Contains(a, ".") {
						errs = append(errs, fmt.Sprintf("%s: %s: %q is not a keyword argument name", at, f.key, a))
					}
				}
			}
			for _, a := range c.Positional {
				if !slices.Contains(c.Args, a) {
					errs = append(errs, fmt.Sprintf("%s: positional: %q must also be in args (the getter takes it under that name)", at, a))
				}
			}
			if c.Getter == "" && (len(c.Positional) > 0 || len(c.Drop) > 0 || c.Async) {
				errs = append(errs, at+": positional, drop and async describe a getter: set getter")
			}
			if c.Ignore && l.key == "clients" {
				errs = append(errs, at+": ignore belongs in extend-clients (in clients, leave the entry out)")
			}
		}
	}
	for _, l := range []struct {
		key   string
		globs []string
	}{{"pool-modules", o.PoolModules}, {"exclude", o.Exclude}} {
		for _, g := range l.globs {
			if _, ok := walk.ParsePattern(g); !ok || strings.HasPrefix(g, "!") {
				errs = append(errs, fmt.Sprintf("%s: %q is not a path glob", l.key, g))
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}

// isDotted reports whether s is identifiers joined by dots; with glob, a
// part may hold "*".
func isDotted(s string, glob bool) bool {
	if s == "" {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		if part == "" {
			return false
		}
		for i, r := range part {
			switch {
			case r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127:
			case i > 0 && r >= '0' && r <= '9':
			case glob && r == '*':
			default:
				return false
			}
		}
	}
	return true
}
