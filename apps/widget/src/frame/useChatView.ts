import { useEffect, useState } from 'preact/hooks';
import type { ChatController, ChatView } from './state/chatController';

/** Re-renders the calling component whenever the controller's view changes. */
export function useChatView(controller: ChatController): ChatView {
  const [view, setView] = useState(controller.view);
  useEffect(() => {
    // The view may have changed between the first render and this subscription.
    setView(controller.view);
    return controller.subscribe(() => setView(controller.view));
  }, [controller]);
  return view;
}
