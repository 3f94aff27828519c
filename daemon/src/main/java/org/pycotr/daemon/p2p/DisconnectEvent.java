package org.pycotr.daemon.p2p;

import org.pycotr.proto.Disconnect;

/** Why a connection ended, for operators (API, logs) and tests. */
public record DisconnectEvent(String peer, Disconnect.Reason reason, String detail, boolean byUs, long atMs) {}
