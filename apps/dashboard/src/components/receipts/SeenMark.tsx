import '../../styles/readReceipts.css';

/** "Seen" under the newest reply the visitor has read (W12). */
export function SeenMark() {
  return <p class="seen-mark">Seen</p>;
}
