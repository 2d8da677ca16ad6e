module github.com/xynergy/xylint

go 1.26.0
