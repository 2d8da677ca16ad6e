package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/xynergy/xylint/analyzers/toolset"
	"github.com/xynergy/xylint/internal/github/ghclient"
	"github.com/xynergy/xylint/internal/migrate"
	"github.com/xynergy/xylint/internal/output"
)

type migrateFlags struct {
	name, file, format, githubURL, local, shard, report string
	repos, services                                     []string
	dashboard, reopen, diff                             bool
	appID, installationID                               int64
	appKey, patchDir                                    string
	writeInterval                                       time.Duration
	jobs, parallel                                      int
}

// migrateCmd is `xylint migrate plan|run|status|close`: campaigns that fix
// a rule across services and repositories, one pull request per service.
func migrateCmd(stdout, stderr io.Writer) *cobra.Command {
	var f migrateFlags
	cmd := &cobra.Command{
		Use:   "migrate",
		Short: "Fix a rule across services with one pull request per service (plan, run, status, close)",
		Long: `A campaign ([tool.xylint.campaign.<name>] or --campaign FILE) names the rules whose
fixes to apply and the repositories; xylint reads each repository as one archive,
fixes it in memory with whole-repository context and opens one pull request per
service through the GitHub API (no clone). Everything is derived from GitHub on each
run: re-running resumes an interrupted run, updates what changed and writes nothing
when nothing did.

Credentials: GITHUB_TOKEN or GH_TOKEN (contents, pull requests and issues: write),
or a GitHub App installation (--app-id, --app-installation-id, --app-private-key).
See docs/migrate.md.`,
	}
	pf := cmd.PersistentFlags()
	pf.StringVar(&f.name, "name", "", "the campaign to use when the configuration declares several")
	pf.StringVar(&f.file, "campaign", "", "read the campaign from this TOML file instead of the xylint configuration")
	pf.StringSliceVar(&f.repos, "repo", nil, "only these repositories (owner/name)")
	pf.StringSliceVar(&f.services, "service", nil, "only these services (directory or branch name part)")
	pf.StringVar(&f.format, "format", "text", "report format: text, json or markdown")
	pf.StringVar(&f.githubURL, "github-url", os.Getenv("GITHUB_API_URL"), "GitHub Enterprise Server API URL (default github.com; $GITHUB_API_URL in Actions)")
	pf.Int64Var(&f.appID, "app-id", envInt("XYLINT_APP_ID"), "authenticate as this GitHub App ($XYLINT_APP_ID)")
	pf.Int64Var(&f.installationID, "app-installation-id", envInt("XYLINT_APP_INSTALLATION_ID"), "the App's installation ($XYLINT_APP_INSTALLATION_ID)")
	pf.StringVar(&f.appKey, "app-private-key", os.Getenv("XYLINT_APP_PRIVATE_KEY_FILE"), "the App's private key file, PEM ($XYLINT_APP_PRIVATE_KEY_FILE)")
	pf.StringVar(&f.shard, "shard", "", "run shard i of n (\"2/5\"): repositories are split deterministically, for a CI matrix")
	pf.StringVar(&f.local, "local", "", "work on this directory instead of GitHub: plan prints one patch per service, run writes them")
	pf.StringVar(&f.report, "report", "", "also write the report as a self-contained HTML page with the burndown chart")
	pf.DurationVar(&f.writeInterval, "write-interval", time.Second, "least time between two write requests (GitHub asks for 1s)")
	pf.IntVarP(&f.jobs, "jobs", "j", 0, "files analysed in parallel (default: the number of CPUs)")
	pf.IntVar(&f.parallel, "parallel", 2, "repositories handled at once")

	sub := func(mode migrate.Mode, short string) *cobra.Command {
		c := &cobra.Command{
			Use:   string(mode),
			Short: short,
			Args:  cobra.NoArgs,
			RunE:  func(c *cobra.Command, _ []string) error { return runMigrate(c, mode, &f, stdout, stderr) },
		}
		return c
	}
	plan := sub(migrate.Plan, "Show what each service would get (findings, fixes, diff); writes nothing")
	plan.Flags().BoolVar(&f.diff, "diff", true, "include each service's diff")
	run := sub(migrate.Run, "Open or update one pull request per service; close those with nothing left to fix")
	run.Flags().BoolVar(&f.reopen, "reopen", false, "reopen pull requests a person closed without merging")
	run.Flags().BoolVar(&f.dashboard, "dashboard", false, "keep one tracking issue per repository with the table and a burndown chart")
	run.Flags().StringVar(&f.patchDir, "patch-dir", "xylint-patches", "with --local: where to write the patches")
	status := sub(migrate.Status, "Per service: findings left by rule and reason, pull request, checks and reviews")
	status.Flags().BoolVar(&f.dashboard, "dashboard", false, "also update the tracking issues")
	closeCmd := sub(migrate.Close, "Close the campaign's open pull requests and delete the bot's branches")
	cmd.AddCommand(plan, run, status, closeCmd)
	return cmd
}

func envInt(name string) int64 {
	n, _ := strconv.ParseInt(os.Getenv(name), 10, 64)
	return n
}

func parseShard(s string) (migrate.Shard, error) {
	if s == "" {
		return migrate.Shard{}, nil
	}
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return migrate.Shard{}, fmt.Errorf("--shard %q: want i/n with 1 <= i <= n (\"1/4\")", s)
	}
	return migrate.Shard{I: i, N: n}, nil
}

func runMigrate(cmd *cobra.Command, mode migrate.Mode, f *migrateFlags, stdout, stderr io.Writer) error {
	if !contains(migrate.Formats, f.format) {
		return fmt.Errorf("--format %q: want one of %s", f.format, strings.Join(migrate.Formats, ", "))
	}
	shard, err := parseShard(f.shard)
	if err != nil {
		return err
	}
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	camp, err := migrate.LoadCampaign(toolset.Default().Registry, f.name, f.file, wd)
	if err != nil {
		return err
	}
	opts := migrate.Options{Campaign: camp, Toolset: toolset.Default(), Mode: mode, Local: f.local, PatchDir: f.patchDir, Reopen: f.reopen, Dashboard: f.dashboard,
		Repos: f.repos, Services: f.services, Shard: shard, Jobs: f.jobs, Parallel: f.parallel, Diffs: mode == migrate.Plan && f.diff}
	if opts.Jobs <= 0 {
		opts.Jobs = cpus
	}
	var red *ghclient.Redactor
	terminal := stderr == io.Writer(os.Stderr) && isTerminal(os.Stderr)
	if f.local == "" {
		if f.appID == 0 && githubToken() == "" && mode != migrate.Plan && mode != migrate.Status {
			return fmt.Errorf("migrate %s needs a token: set GITHUB_TOKEN or GH_TOKEN (contents, pull requests and issues: write), or use a GitHub App", mode)
		}
		co, err := githubOptions(f.githubURL, f.writeInterval, f.appID, f.installationID, f.appKey, stderr)
		if err != nil {
			return err
		}
		client, err := ghclient.New(co)
		if err != nil {
			return err
		}
		red = client.Redactor
		stdout, stderr = red.Writer(stdout), red.Writer(stderr)
		opts.Client = client
	} else if mode == migrate.Close || mode == migrate.Status {
		return fmt.Errorf("migrate %s works on GitHub, not on --local", mode)
	}
	var bar *progressbar.ProgressBar
	done := 0
	total := 0
	opts.OnStart = func(n int) {
		total = n
		if terminal && n > 1 {
			bar = progressbar.NewOptions(n, progressbar.OptionSetWriter(os.Stderr), progressbar.OptionSetDescription("repositories"),
				progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
		}
	}
	opts.Progress = func(repo string) {
		done++
		if bar != nil {
			bar.Add(1)
		} else if total > 1 {
			fmt.Fprintf(stderr, "xylint: %s done (%d/%d)\n", repo, done, total)
		}
	}
	rep, err := migrate.Execute(cmd.Context(), opts)
	if err != nil {
		if red != nil {
			err = red.Error(err)
		}
		return err
	}
	if bar != nil {
		bar.Finish()
	}
	if err := migrate.Write(stdout, rep, f.format); err != nil {
		return err
	}
	if f.report != "" {
		if err := output.WriteFileAtomic(f.report, func(w io.Writer) error {
			if red != nil {
				w = red.Writer(w)
			}
			return migrate.WriteHTML(w, rep)
		}); err != nil {
			return err
		}
	}
	if cmd.Context().Err() != nil {
		return fmt.Errorf("interrupted: what was done is in GitHub; run the command again to finish")
	}
	for _, rr := range rep.Repos {
		if rr.Error != "" || len(rr.Errors) > 0 {
			return exitError{2}
		}
		for _, s := range rr.Services {
			if s.Error != "" {
				return exitError{2}
			}
		}
	}
	return nil
}

// githubOptions are the GitHub client's options that migrate and review
// share: the API URL, the pace of writes, and the credentials (a GitHub App
// installation, else GITHUB_TOKEN or GH_TOKEN). Waits and retries are
// logged to stderr, redacted by the transport.
func githubOptions(url string, writeInterval time.Duration, appID, installationID int64, appKey string, stderr io.Writer) (ghclient.Options, error) {
	co := ghclient.Options{BaseURL: url, UserAgent: "xylint/" + version(), WriteInterval: writeInterval,
		Logf: func(format string, args ...any) { fmt.Fprintf(stderr, "xylint: "+format+"\n", args...) }}
	if co.WriteInterval == 0 {
		co.WriteInterval = -1
	}
	if appID == 0 {
		co.Token = githubToken()
		return co, nil
	}
	if installationID == 0 || appKey == "" {
		return co, fmt.Errorf("--app-id needs --app-installation-id and --app-private-key")
	}
	key, err := os.ReadFile(appKey)
	if err != nil {
		return co, fmt.Errorf("--app-private-key: %v", err)
	}
	co.App = &ghclient.App{AppID: appID, InstallationID: installationID, PrivateKey: key}
	return co, nil
}

// githubToken is GITHUB_TOKEN, else GH_TOKEN.
func githubToken() string {
	if t := os.Getenv("GITHUB_TOKEN"); t != "" {
		return t
	}
	return os.Getenv("GH_TOKEN")
}
