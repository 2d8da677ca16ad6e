package config

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/xynergy/xylint/internal/lint"
)

// TOML renders the effective configuration of a file (or, with a nil
// file, of a directory) in xylint.toml form, so it can be pasted into one.
// The header comments say where it came from and which rules run.
func (fc *FileConfig) TOML(display func(string) string) ([]byte, error) {
	s := fc.Settings
	var b bytes.Buffer
	if s.File == "" {
		b.WriteString("# no configuration file found: defaults\n")
	} else {
		fmt.Fprintf(&b, "# from %s\n", display(s.File))
	}
	var on []string
	for _, r := range fc.Rules {
		on = append(on, r.Code+" "+r.Name)
	}
	fmt.Fprintf(&b, "# enabled rules: %s\n", strings.Join(on, ", "))
	if len(s.ov.Select)+len(s.ov.ExtendSelect)+len(s.ov.Ignore)+len(s.ov.Exclude) > 0 {
		b.WriteString("# (command-line --select/--extend-select/--ignore/--exclude are applied on top)\n")
	}
	if s.ov.FailOn != nil {
		b.WriteString("# (fail-on is --fail-on's)\n")
	}
	b.WriteString("\n")
	top := struct {
		Select        []string    `toml:"select"`
		ExtendSelect  []string    `toml:"extend-select"`
		Ignore        []string    `toml:"ignore"`
		Exclude       []string    `toml:"exclude"`
		ExtendExclude []string    `toml:"extend-exclude"`
		FailOn        lint.FailOn `toml:"fail-on"`
		Importable    []string    `toml:"importable-modules"`
	}{orEmpty(s.Select, "ALL"), orEmpty(s.ExtendSelect), orEmpty(s.Ignore), orEmpty(s.Exclude), orEmpty(s.ExtendExclude), s.FailOn, orEmpty(s.ImportableModules)}
	if err := encode(&b, top); err != nil {
		return nil, err
	}
	b.WriteString("\n[per-file-ignores]\n")
	for _, p := range s.PerFileIgnores {
		if err := encode(&b, map[string][]string{p.Glob: p.Selectors}); err != nil {
			return nil, err
		}
	}
	b.WriteString("\n[roles]\n")
	for _, rg := range s.Roles {
		if err := encode(&b, map[string]string{rg.Glob: rg.Role}); err != nil {
			return nil, err
		}
	}
	for _, r := range s.reg.Rules {
		opts := s.options[r]
		if opts == nil {
			continue
		}
		b.WriteString("\n")
		if err := encode(&b, map[string]any{r.Name: opts}); err != nil {
			return nil, err
		}
	}
	return b.Bytes(), nil
}

func encode(b *bytes.Buffer, v any) error {
	enc := toml.NewEncoder(b)
	enc.SetIndentTables(false)
	return enc.Encode(v)
}

func orEmpty(s []string, def ...string) []string {
	if s == nil {
		if def != nil {
			return def
		}
		return []string{}
	}
	return s
}
