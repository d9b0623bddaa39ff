"""The SFTP connection plug-in: batches uploaded to an inbound folder, answers collected
from an outbound folder (the transport itself: :mod:`.transport`)."""
