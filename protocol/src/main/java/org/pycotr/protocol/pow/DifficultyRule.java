package org.pycotr.protocol.pow;

import java.util.List;
import org.pycotr.protocol.block.BlockHeader;

/** Decides the target a block must carry, from the headers just before it. */
public interface DifficultyRule {
    /** How many headers, ending with the parent, {@link #nextTarget} wants to see. */
    int lookback();

    /**
     * The target for the child of the last header in {@code recent}.
     *
     * @param recent up to {@link #lookback()} consecutive headers ending with the parent, oldest
     *     first; fewer only near genesis
     */
    CompactTarget nextTarget(List<BlockHeader> recent);
}
