package roles

import (
	"path"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/roles"
)

// Role is what a piece of code is part of (internal/roles, where the
// roles are declared for configuration and options).
type Role = roles.Role

// The roles.
const (
	Library = roles.Library
	Service = roles.Service
	CLI     = roles.CLI
	Script  = roles.Script
	Test    = roles.Test
	Example = roles.Example
)

// Via says how an entry point reaches a function.
type Via struct {
	Entry
	// Class is set when the entry is a Depends class's __init__ (FastAPI
	// builds an instance per request).
	Class string
	// Path are the keys from the entry to the function, both excluded.
	Path []string
}

// Model is the role model of a run: every file's part (File), linked
// through the project's calls.
type Model struct {
	modules  *modules.Index
	files    []*fileInfo
	byPath   map[string]int
	override func(path string) string
	reached  [Command + 1]map[node]Via
	// programs are the files run as programs by their top level
	// (File.TopLevel) that nothing of the project imports.
	programs map[int]bool
	// commandSide are the files a command's reach may enter from another
	// file (commandSide).
	commandSide []bool
	// sampleHelpers are the modules only the command-line side imports,
	// documentation samples or examples among them (findSampleHelpers).
	sampleHelpers []bool
	// mainRun are the files whose `__main__` block runs a worker entry of
	// theirs that no service's file imports (findMainRun): their worker
	// entries are the program's, not a worker's.
	mainRun map[int]bool
}

type fileInfo struct {
	path string
	fact *File
	// role, byPath: roles.PathRole of path, which the model's fixpoints
	// ask about each file many times over.
	role   Role
	byPath bool
}

// fn returns the file's function with key, or nil.
func (f *fileInfo) fn(key string) *Func {
	if i, ok := slices.BinarySearchFunc(f.fact.Funcs, key, func(fn Func, k string) int { return strings.Compare(fn.Key, k) }); ok {
		return &f.fact.Funcs[i]
	}
	return nil
}

// node is one function of the project.
type node struct {
	file int
	key  string
}

// Of builds the model from the *File facts pass's analyzer exported, with
// the roles configuration gives (ProjectPass.Role).
func Of(pass *pyanalysis.ProjectPass) *Model {
	m := &Model{modules: pass.Modules, byPath: map[string]int{}, override: pass.Role}
	// Every file with facts is indexed: one without a part in the model
	// (no entry point, no call into the project) is still reached.
	for _, ff := range pass.Files {
		f := &File{}
		if fs := pyanalysis.FactsOf[*File](pass, ff); len(fs) > 0 {
			f = fs[0]
		}
		m.byPath[ff.Path] = len(m.files)
		r, byPath := roles.PathRole(ff.Path)
		m.files = append(m.files, &fileInfo{path: ff.Path, fact: f, role: r, byPath: byPath})
	}
	m.programs = m.findPrograms()
	if m.hasCommands() || slices.ContainsFunc(m.files, func(f *fileInfo) bool { return f.fact.Sample }) {
		importers := m.importers()
		m.commandSide = m.findCommandSide(importers)
		m.sampleHelpers = m.findSampleHelpers(importers)
		m.mainRun = m.findMainRun(importers)
	}
	for k := Request; k <= Command; k++ {
		m.reached[k] = m.reach(k)
	}
	return m
}

// findPrograms returns the files whose top level does work (File.TopLevel)
// that no file of the project imports: nothing runs their module-level code
// but `python file.py` (CTFd's ping.py, a sample's backend/setup.py), so it
// is a program's. The imports are those of the files with facts (docs/roles.md,
// Limits).
func (m *Model) findPrograms() map[int]bool {
	cands := map[string]bool{} // the candidates' module names' last parts
	for _, f := range m.files {
		if f.fact.TopLevel != "" {
			cands[strings.TrimSuffix(path.Base(f.path), ".py")] = true
		}
	}
	if len(cands) == 0 {
		return nil
	}
	imported := map[int]bool{}
	for _, f := range m.files {
		for _, q := range f.fact.Imports {
			// Split only imports that may name a candidate.
			if !slices.ContainsFunc(strings.Split(q, "."), func(p string) bool { return cands[p] }) {
				continue
			}
			file, _, ok := m.modules.Split(f.path, q)
			if ok {
				if t, ok := m.byPath[file]; ok && t != m.byPath[f.path] {
					imported[t] = true
				}
			}
		}
	}
	programs := map[int]bool{}
	for i, f := range m.files {
		if f.fact.TopLevel != "" && !imported[i] && (strings.HasPrefix(f.fact.TopLevel, loopWork) || m.callsProject(i)) {
			programs[i] = true
		}
	}
	return programs
}

// hasCommands reports whether any file has a command's entry point (the
// command-side test is only needed then).
func (m *Model) hasCommands() bool {
	for i, f := range m.files {
		if m.programs[i] || slices.ContainsFunc(f.fact.Entries, func(e Registered) bool { return e.Kind == Command }) ||
			slices.ContainsFunc(f.fact.Funcs, func(fn Func) bool { return fn.Entry.Kind == Command }) {
			return true
		}
	}
	return false
}

// findCommandSide says, by file, whether the file is on the command-line
// side of the project: a program's or a script's, test's or example's own
// file, or a module that only such files import, directly or through other
// modules only they import (the greatest such set; an __init__.py is
// imported by whatever imports its package or a module in it). A command
// that calls into any other module — one the application's code imports —
// does not make what it calls a command-line program's: the model does
// not see every call a service makes (calls through objects of unknown
// type, helpers it does not read: docs/roles.md, Limits), and the module
// is the application's (polar's organization_review/policy.py, which its
// review agent uses and a typer evaluation script calls too).
func (m *Model) findCommandSide(importers [][]int) []bool {
	n := len(m.files)
	own := make([]bool, n)
	for i, f := range m.files {
		own[i] = m.ownCommandSide(i, f)
	}
	side := make([]bool, n)
	for i := range side {
		side[i] = own[i] || len(importers[i]) > 0
	}
	for changed := true; changed; {
		changed = false
		for i := range side {
			if side[i] && !own[i] && slices.ContainsFunc(importers[i], func(j int) bool { return !side[j] }) {
				side[i], changed = false, true
			}
		}
	}
	return side
}

// ownCommandSide: the file is on the command-line side by itself — a
// program's or a script's, test's or example's own file.
func (m *Model) ownCommandSide(i int, f *fileInfo) bool {
	return f.fact.CLI != "" && !f.fact.Service || m.programs[i] || f.fact.Sample || f.byPath || m.migration(f.path)
}

// findSampleHelpers says, by file, whether the file is a helper of
// documentation samples or examples: a module only the command-line side
// imports (commandSide), not on it by itself, that a sample or an example
// imports (directly or through another such helper). A tutorial's set-up
// and clean-up module, which each sample of the tutorial imports to make
// and remove what it shows (python-docs-samples' retail
// setup_cleanup.py), is the samples': what it prints is their output.
func (m *Model) findSampleHelpers(importers [][]int) []bool {
	helper := make([]bool, len(m.files))
	sample := func(j int) bool {
		return m.files[j].fact.Sample || m.files[j].role == Example || helper[j]
	}
	for changed := true; changed; {
		changed = false
		for i, f := range m.files {
			if !helper[i] && m.commandSide[i] && !m.ownCommandSide(i, f) && slices.ContainsFunc(importers[i], sample) {
				helper[i], changed = true, true
			}
		}
	}
	return helper
}

// findMainRun returns the files whose `__main__` block calls a worker
// entry of the file itself, directly or through the file's other functions
// (a Prefect flow run once, whose tasks are the entries: `smoke_test_flow()`;
// not `flow.serve()`, which starts a worker) and that only the
// command-line side imports, if anything does: a program run as `python
// file.py` whose decorators make its functions tasks, not a worker's
// code.
func (m *Model) findMainRun(importers [][]int) map[int]bool {
	var run map[int]bool
	for i, f := range m.files {
		main := f.fn(MainKey)
		if main == nil || slices.ContainsFunc(importers[i], func(j int) bool { return !m.commandSide[j] }) {
			continue
		}
		// The file's functions the main block calls, directly or through
		// others of the file's.
		seen := map[string]bool{}
		queue := []*Func{main}
		for len(queue) > 0 && !run[i] {
			fn := queue[0]
			queue = queue[1:]
			for _, ref := range fn.Calls {
				if ref.Kind != project.Local || seen[ref.Name] {
					continue
				}
				seen[ref.Name] = true
				if g := f.fn(ref.Name); g != nil {
					if g.Entry.Kind == Worker {
						if run == nil {
							run = map[int]bool{}
						}
						run[i] = true
						break
					}
					queue = append(queue, g)
				}
			}
		}
	}
	return run
}

// importers lists, by file, the files that import it (an __init__.py is
// imported by whatever imports its package or a module in it).
func (m *Model) importers() [][]int {
	n := len(m.files)
	importers := make([][]int, n)
	add := func(t, from int) {
		if t != from && !slices.Contains(importers[t], from) {
			importers[t] = append(importers[t], from)
		}
	}
	// inits are, by imported file, the indexed __init__.py files of its
	// packages: importing a module runs them.
	inits := map[string][]int{}
	initsOf := func(file string) []int {
		if ts, ok := inits[file]; ok {
			return ts
		}
		var ts []int
		for d := path.Dir(file); d != "." && d != "/" && d != ""; d = path.Dir(d) {
			init := d + "/__init__.py"
			if t, ok := m.byPath[init]; ok {
				ts = append(ts, t)
			} else if !m.modules.HasFile(init) {
				break
			}
		}
		inits[file] = ts
		return ts
	}
	for from, f := range m.files {
		for _, q := range f.fact.Imports {
			file, _, ok := m.modules.Split(f.path, q)
			if !ok {
				continue
			}
			if t, ok := m.byPath[file]; ok {
				add(t, from)
			}
			for _, t := range initsOf(file) {
				add(t, from)
			}
		}
	}
	return importers
}

// callsProject reports whether the module-level code of file i calls a
// function of the project: one the file defines, or one of a file of the
// project (an import of another library is not the program's work).
func (m *Model) callsProject(i int) bool {
	fn := m.files[i].fn(ModuleKey)
	if fn == nil {
		return false
	}
	for _, ref := range fn.Calls {
		if _, ok := m.resolve(i, ref, 0); ok {
			return true
		}
	}
	return false
}

// maxExportHops bounds how many package re-exports a reference follows.
const maxExportHops = 4

// resolve returns the functions a reference made in file from may name (a
// class name also names its __init__). Imports are resolved as the file's
// sys.path would (internal/python/modules).
func (m *Model) resolve(from int, ref project.Ref, hops int) (ns [2]node, ok bool) {
	if ref.Kind == project.Local {
		return [2]node{{from, ref.Name}, {from, ref.Name + ".__init__"}}, true
	}
	if ref.Kind != project.Imported || hops > maxExportHops {
		return ns, false
	}
	file, attr, ok := m.modules.Split(m.files[from].path, ref.Name)
	if t, indexed := m.byPath[file]; ok && indexed && attr != "" {
		return m.target(t, attr, hops)
	}
	return ns, false
}

// target is attr in file t, following t's re-exports.
func (m *Model) target(t int, attr string, hops int) ([2]node, bool) {
	first, rest, _ := strings.Cut(attr, ".")
	if q, ok := m.files[t].fact.Exports[first]; ok {
		if rest != "" {
			q = q.Attr(rest)
		}
		return m.resolve(t, q, hops+1)
	}
	return [2]node{{t, attr}, {t, attr + ".__init__"}}, true
}

// reach walks the call graph from the entries of kind k and says how each
// function is reached.
func (m *Model) reach(k EntryKind) map[node]Via {
	// The walk reaches a few times the functions it starts from (twice
	// to four times on python-docs-samples and polar: a call names a
	// function and its class's __init__): a map made for that many is not
	// rebuilt as it grows.
	seeds := 0
	for i, f := range m.files {
		if k == Worker && m.mainRun[i] {
			continue
		}
		for _, fn := range f.fact.Funcs {
			if fn.Entry.Kind == k {
				seeds++
			}
		}
		for _, e := range f.fact.Entries {
			if e.Kind == k {
				seeds += 2
			}
		}
	}
	reached := make(map[node]Via, 4*seeds)
	var queue []node
	seed := func(n node, v Via) {
		if _, ok := reached[n]; !ok {
			reached[n] = v
			queue = append(queue, n)
		}
	}
	for i, f := range m.files {
		if k == Worker && m.mainRun[i] {
			continue // a program's tasks (findMainRun): the main block reaches them
		}
		for _, fn := range f.fact.Funcs {
			if fn.Entry.Kind == k {
				seed(node{i, fn.Key}, Via{Entry: fn.Entry})
			}
		}
		if k == Command && m.programs[i] {
			seed(node{i, ModuleKey}, Via{Entry: Entry{Kind: Command, Desc: programDesc(f.fact)}})
		}
		for _, e := range f.fact.Entries {
			if e.Kind != k {
				continue
			}
			ns, ok := m.resolve(i, e.Ref, 0)
			if !ok {
				continue
			}
			for _, n := range ns {
				v := Via{Entry: Entry{Kind: k, Desc: e.Desc + " `" + n.key + "`"}}
				if c, ok := strings.CutSuffix(n.key, ".__init__"); ok && e.Depends {
					v = Via{Entry: Entry{Kind: k, Desc: "`" + c + "`, built per request through `Depends`"}, Class: c}
				}
				if strings.HasPrefix(e.Desc, "fire command") || strings.HasPrefix(e.Desc, "subscription callback") || strings.HasPrefix(e.Desc, "WebSocket handler") || strings.HasPrefix(e.Desc, "aiohttp route handler") {
					v.Desc = e.Desc
				}
				seed(n, v)
			}
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		fn := m.files[n.file].fn(n.key)
		if fn == nil {
			continue
		}
		v := reached[n]
		var p []string // v.Path, then n.key: shared by what n reaches (a Path is not changed)
		for _, ref := range fn.Calls {
			ts, ok := m.resolve(n.file, ref, 0)
			if !ok {
				continue
			}
			for _, t := range ts {
				if _, ok := reached[t]; ok {
					continue
				}
				if k == Command && t.file != n.file && m.commandSide != nil && !m.commandSide[t.file] {
					// A module the application imports is the
					// application's, whatever command calls it.
					continue
				}
				if p == nil {
					p = append(append(make([]string, 0, len(v.Path)+1), v.Path...), n.key)
				}
				reached[t] = Via{Entry: v.Entry, Class: v.Class, Path: p}
				queue = append(queue, t)
			}
		}
	}
	return reached
}

// Reached says whether an entry of kind k reaches the function key of the
// file at path, and how.
func (m *Model) Reached(path, key string, k EntryKind) (Via, bool) {
	i, ok := m.byPath[path]
	if !ok {
		return Via{}, false
	}
	v, ok := m.reached[k][node{i, key}]
	return v, ok
}

// ReachedChain is Reached for the first of chain (a site's enclosing
// functions, innermost first: Chain) that an entry of kind k reaches, and
// that function's key.
func (m *Model) ReachedChain(path string, chain []string, k EntryKind) (key string, v Via, ok bool) {
	for _, key := range chain {
		if v, ok := m.Reached(path, key, k); ok {
			return key, v, true
		}
	}
	return "", Via{}, false
}

// Role is the role of code in the file at path whose enclosing functions
// are chain (innermost first; empty at module level; [MainKey] in a main
// block), and the entry that makes it so when one does:
//
//  1. the role configuration gives the file (`[tool.xylint] roles`);
//  2. service, when a service's entry reaches one of chain;
//  3. the file's role by path: test, script, example, and a database
//     migration in a migrations/ or alembic/ directory (migration);
//  4. a command-line program, when a command reaches one of chain (a
//     command's entry includes a function whose printed output a test
//     reads: OutputReads), in its own file or in a module only the
//     command-line side of the project imports (findCommandSide);
//  5. for module-level code, service in a file that defines or registers
//     service entry points;
//  6. an example, in a documentation sample (File.Sample: a file with
//     `# [START name]` regions): what no service reaches there is the
//     sample's, and what it prints is what it shows;
//  7. a script, when the file's content says so (a notebook, a load test);
//  8. a command-line program, in a file that has a `__main__` block or
//     uses a command-line library and neither builds an app nor defines
//     or registers a service's entry points, and the module-level code of
//     a file whose top level does work (File.TopLevel) that nothing of the
//     project imports (run as `python file.py`);
//  9. library code.
func (m *Model) Role(path string, chain []string) (Role, Via) {
	if m.override != nil {
		if r, ok := roles.Parse(m.override(path)); ok {
			return r, Via{}
		}
	}
	for _, k := range []EntryKind{Request, Worker, Startup} {
		if _, v, ok := m.ReachedChain(path, chain, k); ok {
			return Service, v
		}
	}
	if r, ok := m.pathRole(path); ok {
		return r, Via{}
	}
	if m.migration(path) {
		return Script, Via{}
	}
	if _, v, ok := m.ReachedChain(path, chain, Command); ok {
		return CLI, v
	}
	i, ok := m.byPath[path]
	if !ok {
		return Library, Via{}
	}
	switch f := m.files[i].fact; {
	case len(chain) == 0 && f.Service:
		return Service, Via{}
	case f.Sample:
		return Example, Via{}
	case m.sampleHelpers != nil && m.sampleHelpers[i]:
		// A module only samples, examples and tests import: the
		// samples' helper (findSampleHelpers).
		return Example, Via{}
	case f.Script != "":
		return Script, Via{}
	case f.CLI != "" && !f.Service:
		// A service's module with a `__main__` block (uvicorn.run(app))
		// is not a program: what no entry point reaches there is judged
		// as library code.
		return CLI, Via{}
	case m.programs[i] && len(chain) == 0:
		// A program's module-level code; its functions are its program's
		// when the top level calls them (reached above), else library code.
		return CLI, Via{Entry: Entry{Kind: Command, Desc: programDesc(f)}}
	}
	return Library, Via{}
}

// pathRole is roles.PathRole(path), kept for the model's files.
func (m *Model) pathRole(path string) (Role, bool) {
	if i, ok := m.byPath[path]; ok {
		return m.files[i].role, m.files[i].byPath
	}
	return roles.PathRole(path)
}

// migration reports whether the file at path is a database migration in a
// directory named as roles.MigrationDirs are: one whose name starts with a
// digit (Django's 0001_initial.py, CTFd's 1_2_0_upgrade_2_0_0.py: no
// import statement can name it, the migration tool loads it by path), one
// whose content is a migration (an Alembic revision or env.py, a Django
// migration), or any file under a directory that is Alembic's
// environment (it holds env.py or a versions/ folder: Alembic's and
// Flask-Migrate's layout, helpers included). Any other file there is an
// application's (mealie's recipe importers in services/migrations/) and
// has the role what reaches it gives.
func (m *Model) migration(p string) bool {
	dirs := migrationDirs(p)
	if len(dirs) == 0 {
		return false
	}
	if numbered(p) {
		return true
	}
	if i, ok := m.byPath[p]; ok && migrationContent(m.files[i].fact.Script) {
		return true
	}
	for _, d := range dirs {
		if m.modules.HasFile(d+"/env.py") || m.modules.HasDir(d+"/versions") {
			return true
		}
	}
	return false
}

// Migration reports whether the file at p, whose content is src, is a
// database migration, as far as the file alone says (a rule's file phase,
// without the project's layout): its content is one, wherever it is (an
// Alembic revision or env.py, a Django migration), or, in a directory
// named as roles.MigrationDirs are, its name starts with a digit, it is
// env.py, or it is under that directory's versions/. The role model also
// knows an Alembic environment's other files by the files around them
// (Model.Role).
func Migration(p string, src []byte) bool {
	return migration(p, scriptContent(src))
}

// MigrationOf is Migration for the file of pass: it shares the scan of the
// file's content with the role model's (Collect) and the rule's other
// questions, each a search of the whole file for seven strings.
func MigrationOf(pass *pyanalysis.Pass) bool {
	return migration(pass.Path, script(pass))
}

// migration is Migration for a file whose scriptContent is content.
func migration(p, content string) bool {
	if migrationContent(content) {
		return true
	}
	dirs := migrationDirs(p)
	if len(dirs) == 0 {
		return false
	}
	if numbered(p) || path.Base(p) == "env.py" {
		return true
	}
	return slices.ContainsFunc(dirs, func(d string) bool { return strings.HasPrefix(p, d+"/versions/") })
}

// migrationDirs are the directories above p named as roles.MigrationDirs
// are, innermost first.
func migrationDirs(p string) []string {
	// Nearly every path names none: one search each, not a walk up its
	// directories.
	if !slices.ContainsFunc(roles.MigrationDirs, func(d string) bool { return strings.Contains(p, d) }) {
		return nil
	}
	var dirs []string
	for d := path.Dir(p); d != "." && d != "/" && d != ""; d = path.Dir(d) {
		if slices.Contains(roles.MigrationDirs, path.Base(d)) {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// numbered reports whether the file's name starts with a digit.
func numbered(p string) bool {
	b := path.Base(p)
	return b != "" && b[0] >= '0' && b[0] <= '9'
}

// migrationContent reports whether File.Script says the file is a
// database migration.
func migrationContent(script string) bool {
	return script == alembicMigration || script == djangoMigrationS || script == alembicEnvS
}

// programDesc is how messages name a program's module-level code.
func programDesc(f *File) string {
	return "the module-level code of a program nothing imports (" + f.TopLevel + ")"
}

// FileRole is the role of a file's module-level code (Role with an empty
// chain).
func (m *Model) FileRole(path string) Role {
	r, _ := m.Role(path, nil)
	return r
}
