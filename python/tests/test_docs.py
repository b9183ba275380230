"""The walkthrough of docs/python.md prints what it shows: its `>>>` lines run as a doctest from
the repository's folder."""

import doctest
import os
import re


def test_the_python_walkthrough_prints_what_it_shows(root, tmp_path):
    doc = (root / "docs" / "python.md").read_text(encoding="utf-8")
    walk = doc.split("## A walkthrough on the samples", 1)[1].split("\n## ", 1)[0]
    examples = "\n".join(re.findall(r"```python\n(.*?)```", walk, re.S))
    assert examples.count(">>>") >= 15
    parser = doctest.DocTestParser()
    test = parser.get_doctest(examples, {}, "docs/python.md", "docs/python.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        runner.run(test)
    finally:
        os.chdir(cwd)
        (root / "summary.json").unlink(missing_ok=True)
    assert runner.failures == 0
