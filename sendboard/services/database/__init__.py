"""The database as a whole: copying it to another (a file or a shared server) and warning
about a file kept on a network share.

The window and the command line may call `copying.copy_database`, `shares.share_warning`
and `shares.on_network_share`.
"""
