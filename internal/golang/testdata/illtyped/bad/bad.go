package bad

func N() int { return "not an int" }

func OK() string { return "ok" }
