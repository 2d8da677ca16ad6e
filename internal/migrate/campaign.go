package migrate

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/template"

	"github.com/pelletier/go-toml/v2"

	"github.com/xynergy/xylint/internal/config"
)

// Campaign is one `[tool.xylint.campaign.<name>]` table (or a --campaign
// file). Every key is optional except a target (repos or org).
type Campaign struct {
	Name string `toml:"-"`

	// Rules whose fixes the campaign applies (codes, names or prefixes;
	// default XY003, the client migration).
	Rules []string `toml:"rules"`
	// Unsafe also applies unsafe fixes.
	Unsafe bool `toml:"unsafe"`

	// Repos are owner/name; Org with RepoFilter (a regular expression on
	// the name) adds an organisation's repositories (archived ones and
	// forks left out).
	Repos      []string `toml:"repos"`
	Org        string   `toml:"org"`
	RepoFilter string   `toml:"repo-filter"`

	// Services: every directory holding a Python web app (FastAPI, Flask,
	// Starlette) or a Go main package, unless DetectServices is false, plus
	// the directories matching ServiceGlobs ("services/*"). The repository
	// root is one service when there is no other.
	ServiceGlobs   []string `toml:"service-globs"`
	DetectServices *bool    `toml:"detect-services"`

	// Base branch (default: the repository's default branch).
	Base string `toml:"base"`
	// Branch, Title, Body and CommitMessage are Go templates over
	// TemplateData.
	Branch        string `toml:"branch"`
	Title         string `toml:"title"`
	Body          string `toml:"body"`
	CommitMessage string `toml:"commit-message"`
	AuthorName    string `toml:"author-name"`
	AuthorEmail   string `toml:"author-email"`

	Labels        []string `toml:"labels"`
	Reviewers     []string `toml:"reviewers"`
	TeamReviewers []string `toml:"team-reviewers"`
	Draft         bool     `toml:"draft"`

	// MaxOpenPRs bounds the campaign's open pull requests per repository,
	// MaxPRsPerRun the pull requests one run opens (0: no bound).
	MaxOpenPRs   int `toml:"max-open-prs"`
	MaxPRsPerRun int `toml:"max-prs-per-run"`

	repoFilter                       *regexp.Regexp
	branchT, titleT, bodyT, messageT *template.Template
}

// TemplateData is what the branch, title, body and commit message
// templates see.
type TemplateData struct {
	Campaign string
	Service  string // the service's directory ("." for the repository root)
	Slug     string // the service as one branch-name component
	Repo     string // owner/name
	Rules    string // "XY003"
	Fixed    int    // findings fixed by the change
	Left     int    // findings the change leaves
	Files    int    // files changed
}

const (
	defaultBranch  = "xylint/{{.Campaign}}/{{.Slug}}"
	defaultTitle   = "xylint: fix {{.Rules}} in {{.Service}}"
	defaultMessage = "xylint: fix {{.Rules}} in {{.Service}}"
	defaultBody    = "This pull request was opened by `xylint migrate` (campaign **{{.Campaign}}**): it fixes {{.Fixed}} {{.Rules}} finding(s) in `{{.Service}}` ({{.Files}} file(s)); {{.Left}} finding(s) there have no automatic fix.\n\nEach change is what `xylint fix` writes. The branch is rebuilt as one commit on the base branch while nobody else has pushed to it; once you push to it, xylint leaves it alone."
	defaultAuthor  = "xylint-bot"
	defaultEmail   = "xylint-bot@users.noreply.github.com"
)

// TrailerKey is the commit message trailer that marks the bot's commits.
const TrailerKey = "Xylint-Campaign"

func init() {
	config.NewCampaigns = func() any { return &map[string]*Campaign{} }
}

// Label is the label every pull request and dashboard of the campaign
// carries: re-runs find the campaign's pull requests by it in one request.
func (c *Campaign) Label() string { return "xylint:" + c.Name }

var nameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// finish fills defaults and checks the settings.
func (c *Campaign) finish() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("campaign %s: %s: %s", c.Name, key, fmt.Sprintf(format, args...)))
	}
	if !nameRE.MatchString(c.Name) || len(c.Label()) > 50 {
		bad("name", "%q: use letters, digits, '.', '_' and '-' (at most 43 characters: it is part of branch and label names)", c.Name)
	}
	if len(c.Rules) == 0 {
		c.Rules = []string{"XY003"}
	}
	for _, r := range c.Repos {
		if o, n, ok := strings.Cut(r, "/"); !ok || o == "" || n == "" || strings.Contains(n, "/") {
			bad("repos", "%q is not owner/name", r)
		}
	}
	if len(c.Repos) == 0 && c.Org == "" {
		bad("repos", "no target: set repos = [\"owner/name\", ...] or org")
	}
	if c.RepoFilter != "" {
		re, err := regexp.Compile(c.RepoFilter)
		if err != nil {
			bad("repo-filter", "%v", err)
		}
		c.repoFilter = re
	}
	for _, g := range c.ServiceGlobs {
		if _, err := filepath.Match(g, ""); err != nil {
			bad("service-globs", "%q: %v", g, err)
		}
	}
	if c.MaxOpenPRs < 0 || c.MaxPRsPerRun < 0 {
		bad("max-open-prs", "must not be negative")
	}
	if c.AuthorName == "" {
		c.AuthorName = defaultAuthor
	}
	if c.AuthorEmail == "" {
		c.AuthorEmail = defaultEmail
	}
	parse := func(key, text, def string) *template.Template {
		if text == "" {
			text = def
		}
		t, err := template.New(key).Option("missingkey=error").Parse(text)
		if err != nil {
			bad(key, "%v", err)
			return nil
		}
		return t
	}
	c.branchT = parse("branch", c.Branch, defaultBranch)
	c.titleT = parse("title", c.Title, defaultTitle)
	c.bodyT = parse("body", c.Body, defaultBody)
	c.messageT = parse("commit-message", c.CommitMessage, defaultMessage)
	if len(errs) == 0 {
		b, err := c.render(c.branchT, TemplateData{Campaign: c.Name, Service: "svc", Slug: "svc"})
		if err != nil || !strings.Contains(b, "svc") {
			bad("branch", "the branch template must contain the service ({{.Slug}}), or every service would share one branch")
		}
	}
	return errors.Join(errs...)
}

func (c *Campaign) render(t *template.Template, d TemplateData) (string, error) {
	var b bytes.Buffer
	if err := t.Execute(&b, d); err != nil {
		return "", fmt.Errorf("campaign %s: template %s: %v", c.Name, t.Name(), err)
	}
	return b.String(), nil
}

// LoadCampaign finds campaign name: in file (a TOML file whose top level is
// the campaign's table) when file is set, else in the xylint configuration
// that governs dir (`[tool.xylint.campaign.<name>]`). name may be empty
// when exactly one campaign is configured. reg is the rules the
// configuration may name (the command's toolset's).
func LoadCampaign(reg *config.Registry, name, file, dir string) (*Campaign, error) {
	if file != "" {
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		c := &Campaign{}
		dec := toml.NewDecoder(bytes.NewReader(src))
		dec.DisallowUnknownFields()
		if err := dec.Decode(c); err != nil {
			var strict *toml.StrictMissingError
			var de *toml.DecodeError
			switch {
			case errors.As(err, &strict):
				var errs []error
				for _, e := range strict.Errors {
					line, col := e.Position()
					errs = append(errs, fmt.Errorf("%s:%d:%d: %s: unknown campaign setting", file, line, col, strings.Join(e.Key(), ".")))
				}
				return nil, errors.Join(errs...)
			case errors.As(err, &de):
				line, col := de.Position()
				return nil, fmt.Errorf("%s:%d:%d: %s", file, line, col, strings.TrimPrefix(de.Error(), "toml: "))
			}
			return nil, fmt.Errorf("%s: %v", file, err)
		}
		c.Name = name
		if c.Name == "" {
			c.Name = strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		}
		return c, c.finish()
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	loader, err := config.NewLoader(reg, config.Overrides{Cwd: abs})
	if err != nil {
		return nil, err
	}
	s, err := loader.ForDir(abs)
	if err != nil {
		return nil, err
	}
	var all map[string]*Campaign
	if p, ok := s.Campaigns.(*map[string]*Campaign); ok && p != nil {
		all = *p
	}
	where := "the configuration"
	if s.File != "" {
		where = s.File
	}
	names := make([]string, 0, len(all))
	for n := range all {
		names = append(names, n)
	}
	sort.Strings(names)
	switch {
	case len(all) == 0:
		return nil, fmt.Errorf("no campaign in %s: declare [tool.xylint.campaign.<name>] or pass --campaign FILE", where)
	case name == "" && len(all) > 1:
		return nil, fmt.Errorf("%s declares campaigns %s: name one with --name", where, strings.Join(names, ", "))
	case name == "":
		name = names[0]
	case all[name] == nil:
		return nil, fmt.Errorf("no campaign %q in %s (it declares %s)", name, where, strings.Join(names, ", "))
	}
	c := all[name]
	c.Name = name
	return c, c.finish()
}

func sortSites(s []Site) {
	sort.SliceStable(s, func(i, j int) bool {
		if s[i].Path != s[j].Path {
			return s[i].Path < s[j].Path
		}
		return s[i].Line < s[j].Line
	})
}
