// Command xylint checks the platform's Python (and Go) services.
//
//	xylint check [PATH...]   lint files and directories (default ".")
//	xylint fix [PATH...]     apply fixes in place (--diff: print them; --unsafe-fixes)
//	xylint rules [RULE]      list the rules, or print one rule's documentation
//	xylint migrate plan|run|status|close   campaigns: one pull request per service
//	xylint review [PATH...]  post the findings on a pull request as one review with fix suggestions
//	xylint config [PATH]     print the effective configuration for a path
//	xylint clean [PATH]      remove the cache of the project PATH belongs to
//	xylint version           print the version
//
// Exit status: 0 clean, 1 findings at or above --fail-on (default: warning),
// 2 usage, configuration or read errors, or no file analysed.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/xynergy/xylint/analyzers/toolset"
	"github.com/xynergy/xylint/internal/cache"
	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/escape"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/newfindings"
	"github.com/xynergy/xylint/internal/output"
)

func main() {
	tuneRuntime()
	// The first Ctrl-C (or SIGTERM) cancels the run, which stops at once
	// and says what it did; a second one exits at once, by the default
	// handler that stop restores.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	stopProfile := startProfile()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stopProfile()
	os.Exit(code)
}

// exitInterrupted is the exit status of a run cut short by Ctrl-C (128 +
// SIGINT, as a shell reports it).
const exitInterrupted = 130

// exitError carries an exit status through cobra.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := &cobra.Command{
		Use:           "xylint",
		Short:         "Static analyzer and auto-fixing linter for the platform's Python and Go services",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(checkCmd(stdout, stderr), fixCmd(stdout, stderr), migrateCmd(stdout, stderr), reviewCmd(stdout, stderr), rulesCmd(stdout), configCmd(stdout), cleanCmd(stdout), versionCmd(stdout))
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	var ee exitError
	switch {
	case errors.As(err, &ee):
		return ee.code
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		fmt.Fprintln(stderr, "xylint: interrupted")
		return exitInterrupted
	case err != nil:
		fmt.Fprintf(stderr, "xylint: %s\n", escape.Text(err.Error()))
		return 2
	}
	return 0
}

type checkFlags struct {
	exclude, sel, extendSel, ignore []string
	format, out, color              string
	statistics                      bool
	jobs                            int
	maxFileSize                     string
	failOn                          string
	projectRoot                     string
	newFromRev, newFromMergeBase    string
	newFromPatch                    string
	baseline, writeBaseline         string
	cacheDir                        string
	noCache                         bool
}

// runFlags are the flags check and fix share: what to look at and how.
func (f *checkFlags) runFlags(fl *pflag.FlagSet, jobsHelp string) {
	fl.StringSliceVar(&f.exclude, "exclude", nil, "exclude files and directories matching these globs (gitignore syntax; adds to the configured excludes)")
	fl.StringSliceVar(&f.sel, "select", nil, "rules to run, by code, name or code prefix (replaces the configured select)")
	fl.StringSliceVar(&f.extendSel, "extend-select", nil, "rules to run in addition to the selected ones (e.g. XY100)")
	fl.StringSliceVar(&f.ignore, "ignore", nil, "rules not to run, by code, name or code prefix")
	fl.IntVarP(&f.jobs, "jobs", "j", 0, jobsHelp)
	fl.StringVar(&f.maxFileSize, "max-file-size", driver.FormatSize(driver.MaxFileSize), "skip larger files with a notice (bytes, or with a K, M or G suffix; 0: no limit)")
	fl.StringVar(&f.projectRoot, "project-root", "", "the root of the project the paths belong to, analysed as their context (default: the nearest directory at or above the paths with an xylint configuration or a .git, else with a pyproject.toml, setup.cfg, setup.py or go.mod, else the working directory unless it is the home or temporary directory)")
	fl.StringVar(&f.cacheDir, "cache-dir", "", "keep the cache of analysed files in `DIR` (default: $"+cache.EnvDir+", else "+cache.DirName+" at the project root; xylint clean removes it)")
	fl.BoolVar(&f.noCache, "no-cache", false, "analyse every file, neither reading nor writing the cache")
	fl.StringVar(&f.failOn, "fail-on", "", "the least level of finding that makes the exit status 1: note, warning, error or never (default: the configuration's fail-on, else warning: notes do not fail)")
}

// newFlags are the flags that narrow the report to what a change
// introduced (check and review).
func (f *checkFlags) newFlags(fl *pflag.FlagSet) {
	fl.StringVar(&f.newFromRev, "new-from-rev", "", "report only the findings that do not exist at git revision `REV` (HEAD, main, a commit): the revision's own findings are computed from its files, read from git without a checkout, and matched by fingerprint, not line, so moved code stays quiet and routes opened by a change elsewhere (auth removed from an include_router) are reported")
	fl.StringVar(&f.newFromMergeBase, "new-from-merge-base", "", "report only the findings that do not exist at the merge base of `REF` and HEAD (a pull request's view: --new-from-merge-base origin/main)")
	fl.StringVar(&f.newFromPatch, "new-from-patch", "", "report only the findings on lines the unified diff `FILE` adds or changes (no repository needed). Falls back to changed lines: a finding the change causes elsewhere (routes another file's edit left unauthenticated) is not reported; prefer --new-from-rev")
	fl.StringVar(&f.baseline, "baseline", "", "hide the findings recorded in the baseline `FILE` (see --write-baseline) and say how many were hidden and how many entries match nothing any more")
}

// run runs the check driver over args with every language's producer and
// prints its notices and errors to stderr.
func (f *checkFlags) run(cmd *cobra.Command, args []string, stderr io.Writer) (*driver.Result, error) {
	maxSize, err := driver.ParseSize(f.maxFileSize)
	if err != nil {
		return nil, fmt.Errorf("--max-file-size: %w", err)
	}
	var failOn *lint.FailOn
	if f.failOn != "" {
		v, err := lint.ParseFailOn(f.failOn)
		if err != nil {
			return nil, fmt.Errorf("--fail-on: %w", err)
		}
		failOn = &v
	}
	if f.jobs <= 0 {
		f.jobs = cpus // not GOMAXPROCS: tuneRuntime raises it
	}
	set := 0
	for _, v := range []string{f.newFromRev, f.newFromMergeBase, f.newFromPatch} {
		if v != "" {
			set++
		}
	}
	if set > 1 {
		return nil, fmt.Errorf("--new-from-rev, --new-from-merge-base and --new-from-patch: give one")
	}
	var patch *newfindings.Patch
	if f.newFromPatch != "" { // before the run: a bad patch is a usage error
		if patch, err = newfindings.ReadPatch(f.newFromPatch); err != nil {
			return nil, fmt.Errorf("--new-from-patch: %w", err)
		}
	}
	var base *newfindings.Baseline
	if f.baseline != "" {
		if base, err = newfindings.ReadBaseline(f.baseline); err != nil {
			return nil, fmt.Errorf("--baseline: %w", err)
		}
	}
	ts := toolset.Default()
	var cacheOpts *driver.CacheOptions
	if !f.noCache {
		cacheOpts = &driver.CacheOptions{Dir: f.cacheDir}
	}
	opts := driver.Options{
		Paths:       args,
		Registry:    ts.Registry,
		Overrides:   config.Overrides{Select: f.sel, ExtendSelect: f.extendSel, Ignore: f.ignore, Exclude: f.exclude, FailOn: failOn},
		Producers:   ts.Producers(),
		Jobs:        f.jobs,
		MaxFileSize: maxSize,
		ProjectRoot: f.projectRoot,
		Cache:       cacheOpts,
	}
	res, err := driver.Run(cmd.Context(), opts)
	if err != nil {
		return nil, err
	}
	var said []string
	if f.writeBaseline != "" {
		// Every finding, before any filter: the baseline records today.
		n, err := newfindings.WriteBaseline(f.writeBaseline, res)
		if err != nil {
			return nil, fmt.Errorf("--write-baseline: %w", err)
		}
		said = append(said, fmt.Sprintf("wrote %d findings to the baseline %s", n, f.writeBaseline))
	}
	switch {
	case f.newFromRev != "" || f.newFromMergeBase != "":
		opts.Producers = ts.Producers()
		msg, err := newfindings.Since(cmd.Context(), res, opts, newfindings.Base{Rev: f.newFromRev, MergeBase: f.newFromMergeBase})
		if err != nil {
			return nil, err
		}
		said = append(said, msg)
	case patch != nil:
		said = append(said, patch.Filter(res, f.newFromPatch))
	}
	if base != nil {
		said = append(said, base.Filter(res, f.baseline))
	}
	for _, n := range res.Notices {
		fmt.Fprintf(stderr, "xylint: notice: %s\n", escape.Text(n.String()))
	}
	for _, n := range res.RunNotices {
		fmt.Fprintf(stderr, "xylint: notice: %s\n", escape.Text(n))
	}
	for _, e := range res.Errors {
		fmt.Fprintf(stderr, "xylint: error: %s\n", escape.Text(e.String()))
	}
	for _, s := range said {
		fmt.Fprintf(stderr, "xylint: %s\n", escape.Text(s))
	}
	return res, nil
}

func checkCmd(stdout, stderr io.Writer) *cobra.Command {
	var f checkFlags
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Lint files and directories (default: the current directory)",
		RunE: func(cmd *cobra.Command, args []string) error {
			outs, err := parseFormats(f.format, f.out)
			if err != nil {
				return err
			}
			if !contains([]string{"auto", "always", "never"}, f.color) {
				return fmt.Errorf("--color %q: want auto, always or never", f.color)
			}
			res, err := f.run(cmd, args, stderr)
			if err != nil {
				return err
			}
			for _, o := range outs {
				toTerminal := o.path == "" && isTerminal(os.Stdout)
				opts := output.Options{
					Format:      o.format,
					Statistics:  f.statistics,
					Excerpts:    toTerminal || f.color == "always",
					Color:       f.color == "always" || (f.color == "auto" && toTerminal && os.Getenv("NO_COLOR") == ""),
					ToolVersion: version(),
					StepSummary: os.Getenv("GITHUB_STEP_SUMMARY"),
					Links:       githubLinks(),
				}
				write := func(w io.Writer) error { return output.Write(w, res, opts) }
				if o.path != "" {
					err = output.WriteFileAtomic(o.path, write)
				} else {
					err = write(stdout)
				}
				if err != nil {
					return err
				}
			}
			return exitError{res.ExitCode()}
		},
	}
	fl := cmd.Flags()
	f.runFlags(fl, "files analysed in parallel (default: the number of CPUs)")
	f.newFlags(fl)
	fl.StringVar(&f.format, "format", "text", "output format: text, json, sarif or github; several, comma-separated, each but one with its file: github,sarif:xylint.sarif,json:xylint.json")
	fl.StringVarP(&f.out, "output", "o", "", "write the report (the format without a file of its own) to this file, atomically, instead of stdout")
	fl.BoolVar(&f.statistics, "statistics", false, "print the number of findings per rule instead of the findings")
	fl.StringVar(&f.writeBaseline, "write-baseline", "", "record every finding of this run in the baseline `FILE` (JSON meant to be committed: one finding per line, paths relative to the project root, matched by fingerprint, not line), for --baseline")
	fl.StringVar(&f.color, "color", "auto", "colour the text output: auto, always or never (auto honours NO_COLOR)")
	return cmd
}

// reportOutput is one report a check writes: a format and its file ("":
// stdout).
type reportOutput struct{ format, path string }

// parseFormats reads --format: "json", or several reports at once
// ("github,sarif:xylint.sarif"), each but one with a file of its own (the
// one without goes to -o, or stdout) — one run, every report a CI job needs.
func parseFormats(spec, out string) ([]reportOutput, error) {
	var outs []reportOutput
	bare := 0
	for _, item := range strings.Split(spec, ",") {
		name, path, _ := strings.Cut(strings.TrimSpace(item), ":")
		if !contains(output.Formats, name) {
			return nil, fmt.Errorf("--format %q: want one of %s, or several as format[:file],...", item, strings.Join(output.Formats, ", "))
		}
		if path == "" {
			bare++
			path = out
		}
		outs = append(outs, reportOutput{name, path})
	}
	if bare > 1 {
		return nil, fmt.Errorf("--format %q: only one report can go to stdout (or -o); give the others a file (sarif:xylint.sarif)", spec)
	}
	return outs, nil
}

// githubLinks is the URL a finding's path is appended to for a link to
// its line in the job summary ($GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/
// $GITHUB_SHA/), or "" outside GitHub Actions.
func githubLinks() string {
	server, repo, sha := os.Getenv("GITHUB_SERVER_URL"), os.Getenv("GITHUB_REPOSITORY"), os.Getenv("GITHUB_SHA")
	if server == "" || repo == "" || sha == "" {
		return ""
	}
	return strings.TrimSuffix(server, "/") + "/" + repo + "/blob/" + sha + "/"
}

func rulesCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "rules [CODE|NAME]",
		Short: "List the rules, or print one rule's documentation",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			reg := toolset.Default().Registry
			if len(args) == 0 {
				return output.WriteRules(stdout, reg.Rules)
			}
			r := reg.LookupSuppression(args[0])
			if r == nil {
				return fmt.Errorf("no rule %q (run `xylint rules` for the list)", args[0])
			}
			return output.WriteRuleDoc(stdout, r)
		},
	}
}

func configCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "config [PATH]",
		Short: "Print the effective configuration for a file or directory (default: the current directory)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			abs, err := pathArg(args)
			if err != nil {
				return err
			}
			fi, err := os.Stat(abs)
			if err != nil {
				return err
			}
			loader, err := config.NewLoader(toolset.Default().Registry, config.Overrides{})
			if err != nil {
				return err
			}
			var fc *config.FileConfig
			if fi.IsDir() {
				var s *config.Settings
				if s, err = loader.ForDir(abs); err == nil {
					fc = s.ForFile(filepath.Join(abs, "_")) // per-file-ignores do not apply to a directory
				}
			} else {
				fc, err = loader.ForFile(abs)
			}
			if err != nil {
				return err
			}
			wd, _ := os.Getwd()
			b, err := fc.TOML(func(file string) string {
				if rel, err := filepath.Rel(wd, file); err == nil && !strings.HasPrefix(rel, "..") {
					return filepath.ToSlash(rel)
				}
				return file
			})
			if err != nil {
				return err
			}
			_, err = stdout.Write(b)
			return err
		},
	}
}

func versionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print xylint's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(stdout, "xylint %s\n", version())
			return err
		},
	}
}

// version is the module version the binary was built at ("v0.3.0" for
// `go install ...@v0.3.0`), with the VCS revision when the build recorded
// one, or "(devel)".
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
