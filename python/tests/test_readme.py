"""The README's Python example runs as written, from the repository's folder."""

import contextlib
import io
import os
import re


def test_the_readme_python_example_runs_as_written(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 1
    code = blocks[0]
    assert len(code.strip().splitlines()) == 5
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    printed = out.getvalue()
    assert "hts" in printed and "author" in printed
    assert "Hayat Tahrir al-Sham: in its own voice" in printed
