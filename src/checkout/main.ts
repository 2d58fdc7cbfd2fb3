import './checkout.css';
import './define';
