"""The MkDocs side: the `playbook` plugin (plugin.py) and what it applies to a build."""
