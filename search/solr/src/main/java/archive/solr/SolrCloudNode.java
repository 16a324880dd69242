package archive.solr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * One SolrCloud node in its own JVM, so a test can SIGKILL exactly one node and start it again.
 *
 * <p>Usage: {@code SolrCloudNode PORT SOLR_HOME ZK_HOST READY_FILE}. Binds 127.0.0.1:PORT under
 * the /solr context, registers with ZooKeeper at ZK_HOST and keeps its cores in SOLR_HOME (which
 * must hold a solr.xml). Once every replica this node hosts is active again, it writes its base
 * URL to READY_FILE: that file is the only signal {@code .ci/solr} waits for. SIGTERM stops Jetty
 * and the cores cleanly; SIGKILL leaves the index and transaction log for recovery on restart.
 */
public final class SolrCloudNode {

  private SolrCloudNode() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: SolrCloudNode PORT SOLR_HOME ZK_HOST READY_FILE");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path readyFile = Path.of(args[3]);
    Files.deleteIfExists(readyFile);

    Properties nodeProperties = new Properties();
    nodeProperties.setProperty("zkHost", args[2]);
    JettyConfig config =
        JettyConfig.builder().setPort(port).setContext("/solr").stopAtShutdown(true).build();
    JettySolrRunner node = new JettySolrRunner(args[1], nodeProperties, config);
    node.start();

    waitForOwnReplicas(node);
    Path partial = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
    Files.writeString(partial, node.getBaseUrl() + "\n");
    Files.move(partial, readyFile, StandardCopyOption.ATOMIC_MOVE);
    System.out.println("ready " + node.getBaseUrl());
  }

  /**
   * Blocks until every replica placed on this node is active. At start-up Solr first publishes its
   * replicas as down, so a replica left "active" in ZooKeeper by a killed process is not mistaken
   * for a recovered one.
   */
  private static void waitForOwnReplicas(JettySolrRunner node) throws Exception {
    ZkStateReader reader = node.getCoreContainer().getZkController().getZkStateReader();
    String nodeName = node.getNodeName();
    for (String collection : reader.getClusterState().getCollectionNames()) {
      reader.waitForState(
          collection,
          1,
          TimeUnit.DAYS,
          (liveNodes, state) -> state == null || allActive(state, nodeName, liveNodes));
    }
  }

  private static boolean allActive(DocCollection state, String nodeName, Set<String> liveNodes) {
    List<Replica> own = state.getReplicas(nodeName);
    return own.stream().allMatch(replica -> replica.isActive(liveNodes));
  }
}
