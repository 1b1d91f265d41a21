package dev.attento.spark.train;

import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.broadcast.Broadcast;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * The function a barrier stage runs in each task: its partition is one {@link Shard}; it
 * trains the {@link Segment} with the others through {@code BarrierTaskContext.allGather};
 * worker 0 returns the {@link SegmentResult} (every worker ends with the same state), the
 * others nothing.
 */
final class SegmentTask extends AbstractFunction1<scala.collection.Iterator<Shard>, scala.collection.Iterator<SegmentResult>>
    implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Segment segment;
  private final Broadcast<ModelFiles> model;
  private final Broadcast<TrainingSnapshot> start;

  SegmentTask(Segment segment, Broadcast<ModelFiles> model, Broadcast<TrainingSnapshot> start) {
    this.segment = segment;
    this.model = model;
    this.start = start;
  }

  @Override
  public scala.collection.Iterator<SegmentResult> apply(scala.collection.Iterator<Shard> partition) {
    BarrierTaskContext context = BarrierTaskContext.get();
    Iterator<Shard> shards = CollectionConverters.asJava(partition);
    if (!shards.hasNext()) {
      throw new IllegalStateException("partition " + context.partitionId() + " holds no shard");
    }
    Shard shard = shards.next();
    Exchange exchange = new Exchange(context::allGather, context.getTaskInfos().length);
    ShardTrainer trainer = new ShardTrainer(segment, context.partitionId(), exchange);
    SegmentResult result = trainer.run(shard, model.value().load(segment.plugins()), start.value());
    Iterator<SegmentResult> out = context.partitionId() == 0 ? Collections.singletonList(result).iterator()
        : Collections.emptyIterator();
    return CollectionConverters.asScala(out);
  }
}
