package org.msrpc4j.ndr.types;

import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/** A linked list {@code struct node { uint32 value; [unique] struct node *next; }}: pointer nesting depth. */
public final class Node implements NdrEncodable {
    public int value;
    public Node next;

    public Node(int value, Node next) {
        this.value = value;
        this.next = next;
    }

    /** A list 0..n-1 built iteratively. */
    public static Node chain(int n) {
        Node head = null;
        for (int i = n - 1; i >= 0; i--) {
            head = new Node(i, head);
        }
        return head;
    }

    /** Length, iteratively (no recursion on deep lists). */
    public int length() {
        int n = 0;
        for (Node x = this; x != null; x = x.next) {
            n++;
        }
        return n;
    }

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(4);
        e.writeInt32(value);
        e.writeUniquePointer(next);
    }

    public static Node decode(NdrDecoder d) throws NdrException {
        Node n = new Node(0, null);
        d.align(4);
        n.value = d.readInt32();
        d.readUniquePointer(Node::decode, x -> n.next = x);
        return n;
    }
}
