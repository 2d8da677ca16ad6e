package python

import (
	"regexp"

	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// Queues: a non-blocking or timed get (`q.get_nowait()`, `q.get(block=False)`,
// `q.get(False)`, `q.get(timeout=5)`) ends by raising queue.Empty when
// there is nothing left — a drain loop (`while True: q.get_nowait()`) ends
// that way on every call; a non-blocking put raises queue.Full. asyncio's
// queues raise asyncio.QueueEmpty and asyncio.QueueFull from get_nowait and
// put_nowait. A handler around such a call is the queue's ordinary way out:
// the fix narrows it to the queue's exception when the type of the queue is
// known and nothing else in the body raises, and otherwise adds no record
// (an ERROR traceback on every drained queue is what a maintainer refuses).

// queueTypes maps a queue class to its exceptions' module: "queue" for
// queue.Empty/queue.Full (multiprocessing's queues raise those too),
// "asyncio" for asyncio.QueueEmpty/asyncio.QueueFull.
var queueTypes = map[string]string{
	"queue.Queue": "queue", "queue.LifoQueue": "queue", "queue.PriorityQueue": "queue", "queue.SimpleQueue": "queue",
	"multiprocessing.Queue": "queue", "multiprocessing.JoinableQueue": "queue", "multiprocessing.SimpleQueue": "queue",
	"multiprocessing.queues.Queue": "queue",
	"asyncio.Queue":                "asyncio", "asyncio.LifoQueue": "asyncio", "asyncio.PriorityQueue": "asyncio",
	"asyncio.queues.Queue": "asyncio",
}

// queueOp says whether call is a queue operation that fails when the
// queue is empty ("get") or full ("put") without blocking for ever:
// get_nowait/put_nowait, get/put with block=False (or False as the first
// positional argument of get, the second of put) or with a timeout
// (timeout=, or after a literal block flag: `get(True, 5)`).
func queueOp(call syntax.Node) string {
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	if !fn.Is(syntax.KindAttribute) {
		return ""
	}
	args := call.ChildByField(syntax.FieldArguments)
	if !args.Is(syntax.KindArgumentList) {
		return ""
	}
	blockAt := 0
	switch m := string(fn.ChildByField(syntax.FieldAttribute).Text()); m {
	case "get_nowait":
		return "get"
	case "put_nowait":
		return "put"
	case "get":
	case "put":
		blockAt = 1
	default:
		return ""
	}
	op := string(fn.ChildByField(syntax.FieldAttribute).Text())
	if b := args.Argument(blockAt, "block"); b.Unparen().Is(syntax.KindFalse) {
		return op
	}
	// A positional timeout only after a literal block flag: dict.get(key,
	// default) has the same shape.
	t := args.KeywordArg("timeout")
	if b := args.PositionalArg(blockAt).Unparen(); b.Is(syntax.KindTrue) || b.Is(syntax.KindFalse) {
		t = args.Argument(blockAt+1, "timeout")
	}
	if !t.IsZero() && !t.Unparen().Is(syntax.KindNone) {
		return op
	}
	return ""
}

// queueRaises returns what a queue operation call raises when the
// receiver's queue class is known (a name bound to queue.Queue(...),
// asyncio.Queue(...), ...); nil otherwise.
func (c *checker) queueRaises(call syntax.Node) []string {
	op := queueOp(call)
	if op == "" {
		return nil
	}
	recv := call.ChildByField(syntax.FieldFunction).Unparen().ChildByField(syntax.FieldObject)
	mod := c.queueModule(recv)
	switch {
	case mod == "queue" && op == "get":
		return []string{"queue.Empty"}
	case mod == "queue" && op == "put":
		return []string{"queue.Full"}
	case mod == "asyncio" && op == "get" && isNowait(call):
		return []string{"asyncio.QueueEmpty"}
	case mod == "asyncio" && op == "put" && isNowait(call):
		return []string{"asyncio.QueueFull"}
	}
	return nil
}

// isNowait: get_nowait or put_nowait (asyncio's get and put take no block
// or timeout argument; a timeout there is asyncio.wait_for's).
func isNowait(call syntax.Node) bool {
	a := call.ChildByField(syntax.FieldFunction).Unparen().ChildByField(syntax.FieldAttribute)
	return a.TextIs("get_nowait") || a.TextIs("put_nowait")
}

// queueModule returns queueTypes' module of the queue v is — a call of a
// queue class, or a name bound by assignment to one — or "".
func (c *checker) queueModule(v syntax.Node) string {
	for depth := 0; depth < 4; depth++ {
		v = v.Unparen()
		switch {
		case v.Is(syntax.KindCall):
			q, _ := c.r.QualifiedName(v.ChildByField(syntax.FieldFunction).Unparen())
			return queueTypes[q]
		case v.Is(syntax.KindIdentifier):
			b := c.r.Lookup(v)
			if b == nil || b.Kind != names.Assignment || b.Value.IsZero() {
				return ""
			}
			v = b.Value
		default:
			return ""
		}
	}
	return ""
}

// drainsQueue: the try body takes from a queue without blocking for ever
// (queueOp "get", whatever the receiver: get_nowait is a queue's), or puts
// into a queue of a known class without blocking. A put_nowait of another
// object (a project's own bridge whose put_nowait schedules the item on an
// event loop) is not taken for a queue's: a full queue is an overload, not
// the ordinary way out.
func (c *checker) drainsQueue(body syntax.Node) bool {
	for n := range ownNodes(body) {
		if !n.Is(syntax.KindCall) {
			continue
		}
		switch queueOp(n) {
		case "get":
			return true
		case "put":
			if c.queueModule(n.ChildByField(syntax.FieldFunction).Unparen().ChildByField(syntax.FieldObject)) != "" {
				return true
			}
		}
	}
	return false
}

// emptyType: a queue's exception for nothing left (queue.Empty,
// asyncio.QueueEmpty, `from queue import Empty`, a module alias's
// `_q.Empty`).
var emptyType = regexp.MustCompile(`(^|\.)(Empty|QueueEmpty)$`)

// drainAfterEmpty names the earlier clause of the try that catches the
// queue's Empty (`except queue.Empty`) when the try does nothing but
// drain a queue without blocking (queue gets, appends to a collection,
// computations that fail only on their input) and the broad handler only
// answers (a return, a pass, an assignment): the drain's ordinary end is
// answered above, and what the broad handler catches besides is the
// queue's own failure (closed, broken), which it answers by stopping —
// a best-effort poller's choice. "" otherwise.
func (c *checker) drainAfterEmpty(h handler) string {
	try := h.clause.Parent()
	if !try.Is(syntax.KindTryStatement) || stmts(h.body) > 1 || !answersOnly(h) {
		return ""
	}
	body := try.ChildByField(syntax.FieldBody)
	if !c.drainsQueue(body) {
		return ""
	}
	for n := range ownNodes(body) {
		switch {
		case n.Is(syntax.KindAwait), n.Is(syntax.KindYield), n.Is(syntax.KindRaiseStatement):
			return ""
		case n.Is(syntax.KindCall):
			if queueOp(n) != "get" && !collectCall(n) && !c.inputOnlyCall(n) {
				return ""
			}
		}
	}
	for cl := range try.NamedChildren() {
		if cl.Index() >= h.clause.Index() {
			break
		}
		if !cl.Is(syntax.KindExceptClause) {
			continue
		}
		t := cl.FirstNamedChild().Unparen()
		if t.Is(syntax.KindAsPattern) {
			t = t.FirstNamedChild().Unparen()
		}
		types := []syntax.Node{t}
		if t.Is(syntax.KindTuple) {
			types = types[:0]
			for e := range t.NamedChildren() {
				types = append(types, e)
			}
		}
		for _, e := range types {
			if emptyType.Match(e.Text()) {
				return string(e.Text())
			}
		}
	}
	return ""
}

// collectCall: an append to a collection held in a name (`items.append(x)`,
// `batch.extend(xs)`), which fails only on a bug.
func collectCall(call syntax.Node) bool {
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	if !fn.Is(syntax.KindAttribute) || !fn.ChildByField(syntax.FieldObject).Unparen().Is(syntax.KindIdentifier) {
		return false
	}
	switch string(fn.ChildByField(syntax.FieldAttribute).Text()) {
	case "append", "extend", "appendleft", "add":
		return true
	}
	return false
}
